package com.prompt2pixel.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.queue.RunControls;
import com.prompt2pixel.queue.RunProgress;
import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunStatus;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.system.ServerPaths;
import com.prompt2pixel.task.TaskImages;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.window.GpuPool;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs of the API key's merchant: started from one of its completed catalog imports,
 * listed, their summary (as the CLI prints it), progress (state, tasks per state,
 * expected start, ETA, as {@code status --run} prints it), images and manifest; stopped,
 * resumed and cancelled. Another merchant's run is missing, as one that is not.
 */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

	private final RunSummaries summaries;

	private final RunProgresses progresses;

	private final RunQueue queue;

	private final TaskImages images;

	private final IdempotentRequests idempotency;

	private final RunControls controls;

	RunController(RunSummaries summaries, RunProgresses progresses, RunQueue queue, TaskImages images,
			IdempotentRequests idempotency, RunControls controls) {
		this.controls = controls;
		this.idempotency = idempotency;
		this.summaries = summaries;
		this.progresses = progresses;
		this.queue = queue;
		this.images = images;
	}

	/**
	 * What to run.
	 *
	 * @param catalogImport the id of a completed import of the merchant's catalog
	 * @param templateSet the set for every product; null: the set each product matches
	 * @param variants variants per scene (1-16); null: each scene's own
	 * @param priority {@code batch} (default: waits for its pool's window) or
	 * {@code on-demand}
	 * @param pool the GPU pool; null: {@code default}
	 */
	record RunStart(@JsonProperty("catalog_import") Long catalogImport,
			@JsonProperty("template_set") String templateSet, Integer variants, String priority, String pool) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> start(Tenant tenant, @RequestBody RunStart request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/runs", this.idempotency.sha256Of(request),
				() -> submit(tenant, request), () -> {
				});
	}

	private ResponseEntity<?> submit(Tenant tenant, RunStart request) {
		if (request.catalogImport() == null) {
			throw new IllegalArgumentException("field 'catalog_import' is required: the id of a completed import");
		}
		RunPriority priority = (request.priority() == null) ? RunPriority.BATCH : RunPriority.parse(request.priority());
		SubmittedRun run = this.queue.submitImport(tenant.merchant(), request.catalogImport(), request.templateSet(),
				request.variants(), priority, (request.pool() == null) ? GpuPool.DEFAULT : request.pool());
		return ResponseEntity.accepted()
			.header(HttpHeaders.LOCATION, "/api/v1/runs/" + run.id())
			.body(this.progresses.find(run.id()).orElseThrow().forMerchant());
	}

	@GetMapping
	Map<String, Object> list(Tenant tenant, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Paging paging = Paging.of(page, size);
		String wanted = (status == null) ? null : parse(status, RunStatus.values(), "status");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("runs", this.summaries.list(tenant.merchant(), wanted, paging.size(), paging.offset()));
		json.put("page", page);
		json.put("size", size);
		return json;
	}

	@GetMapping("/{id}")
	RunSummary run(Tenant tenant, @PathVariable long id) {
		RunSummary summary = owned(tenant, id);
		String report = this.summaries.catalogImportOf(id)
			.map((catalogImport) -> "/api/v1/catalog-imports/" + catalogImport + "/errors.csv")
			.orElse(null);
		return summary.forMerchant(report, ServerPaths.hide(summary.failure()));
	}

	@GetMapping("/{id}/progress")
	RunProgress progress(Tenant tenant, @PathVariable long id) {
		requireOwned(tenant, id);
		return this.progresses.find(id).map(RunProgress::forMerchant).orElseThrow(() -> notFound(id));
	}

	/** The run's images in task order, with links to each and to what made it. */
	@GetMapping("/{id}/images")
	Map<String, Object> images(Tenant tenant, @PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		requireOwned(tenant, id);
		Paging paging = Paging.of(page, size);
		String wanted = (state == null) ? null : parse(state, TaskState.values(), "state");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("images",
				this.images.page(id, wanted, paging.size(), paging.offset())
					.stream()
					.map(ImageController::listed)
					.toList());
		json.put("page", page);
		json.put("size", size);
		return json;
	}

	/**
	 * Stops the run and holds it until it is resumed: at once while it waits, at its next
	 * chunk boundary while it executes (its progress says STOPPING until then).
	 */
	@PostMapping("/{id}/stop")
	ResponseEntity<RunProgress> stop(Tenant tenant, @PathVariable long id) {
		return controlled(tenant, id, this.controls::stop);
	}

	/**
	 * Lets a stopped run go on from its last committed chunk, or a failed one restart
	 * where it failed.
	 */
	@PostMapping("/{id}/resume")
	ResponseEntity<RunProgress> resume(Tenant tenant, @PathVariable long id) {
		return controlled(tenant, id, this.controls::resume);
	}

	/**
	 * Ends the run for good as CANCELLED: at once while it waits, at its next chunk
	 * boundary while it executes; what it rendered is neither published nor billed.
	 */
	@PostMapping("/{id}/cancel")
	ResponseEntity<RunProgress> cancel(Tenant tenant, @PathVariable long id) {
		return controlled(tenant, id, this.controls::cancel);
	}

	/** The control carried out on the merchant's run: 202 with its progress after it. */
	private ResponseEntity<RunProgress> controlled(Tenant tenant, long id, LongConsumer control) {
		requireOwned(tenant, id);
		control.accept(id);
		return ResponseEntity.accepted().body(progress(tenant, id));
	}

	/**
	 * Renders the run's failed tasks again, as a new run in its lane and pool (the run
	 * itself is left as it was): 202 with the new run's progress and {@code Location}.
	 */
	@PostMapping("/{id}/retry-failed")
	ResponseEntity<?> retryFailed(Tenant tenant, @PathVariable long id,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		requireOwned(tenant, id);
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/runs/" + id + "/retry-failed",
				this.idempotency.sha256Of(Map.of("run", id)), () -> {
					SubmittedRun retry = this.queue.submitRetry(id);
					return ResponseEntity.accepted()
						.header(HttpHeaders.LOCATION, "/api/v1/runs/" + retry.id())
						.body(this.progresses.find(retry.id()).orElseThrow().forMerchant());
				}, () -> {
				});
	}

	/**
	 * The manifest the run published beside its images, as {@code run --out} writes it.
	 */
	@GetMapping("/{id}/manifest.csv")
	ResponseEntity<Resource> manifest(Tenant tenant, @PathVariable long id) {
		RunSummary summary = owned(tenant, id);
		Path manifest = Path.of(summary.out()).resolve("manifest.csv");
		if (!Files.isRegularFile(manifest)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has published no manifest yet");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("run-" + id + "-manifest.csv").build().toString())
			.body(new FileSystemResource(manifest));
	}

	private RunSummary owned(Tenant tenant, long id) {
		requireOwned(tenant, id);
		return this.summaries.find(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * The one cheap look at the run's owner before anything else is read: another
	 * merchant's run costs no summary.
	 */
	private void requireOwned(Tenant tenant, long id) {
		if (!tenant.owns(this.summaries.merchantOf(id))) {
			throw notFound(id);
		}
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no run with id " + id);
	}

	/** The enum constant's name for a filter's value, or a 400 that lists them. */
	static String parse(String value, Enum<?>[] values, String field) {
		String upper = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values)
			.map(Enum::name)
			.filter(upper::equals)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(field + " must be one of "
					+ String.join(", ", Arrays.stream(values).map(Enum::name).toList()) + ", was '" + value + "'"));
	}

	/** A page of a list: its number from 0, its size 1-200. */
	record Paging(int size, long offset) {

		static Paging of(int page, int size) {
			if (page < 0) {
				throw new IllegalArgumentException("page must be 0 or more, was " + page);
			}
			if (size < 1 || size > 200) {
				throw new IllegalArgumentException("size must be 1-200, was " + size);
			}
			return new Paging(size, (long) page * size);
		}

	}

}
