package com.prompt2pixel.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.ingest.StudioPhotos;
import com.prompt2pixel.queue.Generation;
import com.prompt2pixel.queue.Generations;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.system.Sha256;

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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * On-demand generations of the API key's merchant: one product in one scene (or with a
 * prompt of its own), a few variants, in the on-demand lane, which goes ahead of batch
 * runs on the generator. Another merchant's generation is missing, as one that is not.
 */
@RestController
@RequestMapping("/api/v1/generations")
class GenerationController {

	private static final SecureRandom SEEDS = new SecureRandom();

	private final RunQueue queue;

	private final Generations generations;

	private final IdempotentRequests idempotency;

	GenerationController(RunQueue queue, Generations generations, IdempotentRequests idempotency) {
		this.queue = queue;
		this.generations = generations;
		this.idempotency = idempotency;
	}

	/**
	 * What to generate.
	 *
	 * @param product the product's key in the merchant's catalog (required)
	 * @param templateSet the set the scene is in; null: the set the product's rules match
	 * @param scene the scene's id; null: every scene of the set (with a prompt: the set's
	 * first)
	 * @param prompt a prompt in place of the scene's; the merchant's prompt policy
	 * applies
	 * @param negativePrompt a negative prompt in place of the scene's
	 * @param variants images per scene, 1-16; null: 1
	 * @param seed the first variant's seed, 0 to 2^32-1 (the next variants count up);
	 * null: drawn at random
	 * @param width the image's width, a multiple of 8 from 64 to 2048; null: the scene's
	 * @param height likewise
	 */
	record GenerationStart(String product, @JsonProperty("template_set") String templateSet, String scene,
			String prompt, @JsonProperty("negative_prompt") String negativePrompt, Integer variants, Long seed,
			Integer width, Integer height) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> start(Tenant tenant, @RequestBody GenerationStart request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/generations",
				this.idempotency.sha256Of(request), () -> submit(tenant, request), () -> {
				});
	}

	private ResponseEntity<?> submit(Tenant tenant, GenerationStart request) {
		return accepted(this.queue.submitGeneration(onDemand(tenant, request.product(), request)));
	}

	private static OnDemandRequest onDemand(Tenant tenant, String product, GenerationStart request) {
		long seed = (request.seed() != null) ? request.seed() : SEEDS.nextLong(OnDemandRequest.SEEDS);
		return new OnDemandRequest(tenant.merchant(), product, request.templateSet(), request.scene(), request.prompt(),
				request.negativePrompt(), (request.variants() != null) ? request.variants() : 1, seed, request.width(),
				request.height());
	}

	private ResponseEntity<?> accepted(SubmittedRun run) {
		return ResponseEntity.accepted()
			.header(HttpHeaders.LOCATION, "/api/v1/generations/" + run.id())
			.body(this.generations.find(run.id()).orElseThrow());
	}

	/**
	 * One on-demand generation of a photo the merchant sends rather than a product of its
	 * catalog (multipart: the image in part {@code photo}, the other fields as form
	 * fields, {@code title} naming what it shows for prompts that name the product). The
	 * photo becomes a studio product, keyed {@code studio-<checksum>}, which no catalog
	 * import counts or removes.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> startFromPhoto(Tenant tenant, @RequestPart("photo") MultipartFile photo,
			@RequestParam(required = false) String title,
			@RequestParam(name = "template_set", required = false) String templateSet,
			@RequestParam(required = false) String scene, @RequestParam(required = false) String prompt,
			@RequestParam(name = "negative_prompt", required = false) String negativePrompt,
			@RequestParam(required = false) Integer variants, @RequestParam(required = false) Long seed,
			@RequestParam(required = false) Integer width, @RequestParam(required = false) Integer height,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey)
			throws IOException {
		// refused before it is read into memory: an upload may be far larger than a photo
		if (photo.getSize() > StudioPhotos.MAX_BYTES) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"part 'photo' is larger than " + StudioPhotos.MAX_BYTES / (1024 * 1024) + " MB");
		}
		byte[] bytes = photo.getBytes();
		GenerationStart request = new GenerationStart(null, templateSet, scene, prompt, negativePrompt, variants, seed,
				width, height);
		Map<String, Object> asked = new LinkedHashMap<>();
		asked.put("photo", Sha256.of(bytes));
		asked.put("title", title);
		asked.put("request", request);
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/generations",
				this.idempotency.sha256Of(asked), () -> {
					SubmittedRun run = this.queue.submitGeneration(tenant.merchant(), bytes,
							(title != null && !title.isBlank()) ? title.strip() : "product",
							(key) -> onDemand(tenant, key, request));
					return accepted(run);
				}, () -> {
				});
	}

	@GetMapping("/{id}")
	Generation generation(Tenant tenant, @PathVariable long id) {
		return this.generations.find(id)
			.filter((generation) -> tenant.owns(Optional.of(generation.merchant())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no generation with id " + id));
	}

	/** The merchant's generations, newest first, with their prompts and images. */
	@GetMapping
	Map<String, Object> list(Tenant tenant, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		RunController.Paging paging = RunController.Paging.of(page, size);
		String wanted = (status == null) ? null : status.strip().toUpperCase(Locale.ROOT);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("generations", this.generations.list(tenant.merchant(), wanted, paging.size(), paging.offset()));
		json.put("page", page);
		json.put("size", size);
		return json;
	}

}
