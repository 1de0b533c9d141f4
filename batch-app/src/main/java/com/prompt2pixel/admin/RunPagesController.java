package com.prompt2pixel.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.publish.RunExport;
import com.prompt2pixel.queue.RunControls;
import com.prompt2pixel.queue.RunProgress;
import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunListing;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunStateException;
import com.prompt2pixel.run.RunStatus;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.FileSystemUtils;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs for staff: the list with its filters and bulk actions, the form that starts a run
 * from a completed catalog import, and a run's page (live progress, ETA, tasks per state,
 * its gallery, its controls). Every control goes through the services the API and the CLI
 * use ({@link RunControls}, {@link RunQueue}); a control that does not fit the run's
 * state says why on the page.
 */
@Controller
class RunPagesController {

	static final int RUNS_PER_PAGE = 50;

	static final int IMAGES_PER_PAGE = 24;

	private final RunSummaries summaries;

	private final RunProgresses progresses;

	private final RunControls controls;

	private final RunQueue queue;

	private final CatalogImportService imports;

	private final GpuPools pools;

	private final TaskImages images;

	private final LiveUpdates live;

	private final Fragments fragments;

	private final RunExport export;

	RunPagesController(RunSummaries summaries, RunProgresses progresses, RunControls controls, RunQueue queue,
			CatalogImportService imports, GpuPools pools, TaskImages images, LiveUpdates live, Fragments fragments,
			RunExport export) {
		this.export = export;
		this.summaries = summaries;
		this.progresses = progresses;
		this.controls = controls;
		this.queue = queue;
		this.imports = imports;
		this.pools = pools;
		this.images = images;
		this.live = live;
		this.fragments = fragments;
	}

	@GetMapping("/runs")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String merchant,
			@RequestParam(required = false) String pool, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (q != null && q.strip().length() > 200) {
			errors.put("q", "search for at most 200 characters");
		}
		RunSummaries.RunSearch search = new RunSummaries.RunSearch(blankToNull(merchant), status(status, errors),
				blankToNull(pool), day(from, "from", errors), day(to, "to", errors), blankToNull(q));
		model.addAttribute("filterErrors", errors);
		model.addAttribute("filter", Map.of("status", orEmpty(status), "merchant", orEmpty(merchant), "pool",
				orEmpty(pool), "from", orEmpty(from), "to", orEmpty(to), "q", orEmpty(q)));
		int current = Math.max(0, page);
		List<RunListing> runs = errors.isEmpty()
				? this.summaries.search(search, RUNS_PER_PAGE + 1, (long) current * RUNS_PER_PAGE) : List.of();
		model.addAttribute("runs", runs.stream().limit(RUNS_PER_PAGE).toList());
		model.addAttribute("page", current);
		model.addAttribute("more", runs.size() > RUNS_PER_PAGE);
		model.addAttribute("statuses", RunStatus.values());
		model.addAttribute("catalogs", this.imports.runnableCatalogs(50));
		model.addAttribute("poolNames", this.pools.all().stream().map(GpuPool::name).toList());
		if (!model.containsAttribute("start")) {
			model.addAttribute("start", new StartForm(null, 1, "batch", GpuPool.DEFAULT));
		}
		if (!model.containsAttribute("startErrors")) {
			model.addAttribute("startErrors", Map.of());
		}
		return "admin/runs";
	}

	/** What the start form sends. */
	record StartForm(Long catalogImport, Integer variants, String priority, String pool) {
	}

	@PostMapping("/runs")
	String start(@RequestParam(required = false) Long catalogImport, @RequestParam(required = false) Integer variants,
			@RequestParam(defaultValue = "batch") String priority, @RequestParam(defaultValue = "default") String pool,
			RedirectAttributes redirect) {
		StartForm form = new StartForm(catalogImport, variants, priority, pool);
		Map<String, String> errors = new LinkedHashMap<>();
		RunPriority lane = null;
		if (catalogImport == null) {
			errors.put("catalogImport", "choose a completed catalog import");
		}
		if (variants == null || variants < 1 || variants > 16) {
			errors.put("variants", "variants must be 1-16");
		}
		try {
			lane = RunPriority.parse(priority);
		}
		catch (IllegalArgumentException ex) {
			errors.put("priority", ex.getMessage());
		}
		if (errors.isEmpty()) {
			String merchant = this.imports.merchantOf(catalogImport).orElse(null);
			if (merchant == null) {
				errors.put("catalogImport", "no catalog import with id " + catalogImport);
			}
			else {
				try {
					SubmittedRun run = this.queue.submitImport(merchant, catalogImport, null, variants, lane, pool);
					redirect.addFlashAttribute("notice", "Run " + run.id() + " queued for " + merchant + ".");
					return "redirect:/runs/" + run.id();
				}
				catch (InvalidRunRequestException | InvalidScheduleException ex) {
					errors.put((ex instanceof InvalidScheduleException) ? "pool" : "catalogImport", ex.getMessage());
				}
			}
		}
		redirect.addFlashAttribute("start", form);
		redirect.addFlashAttribute("startErrors", errors);
		return "redirect:/runs#start";
	}

	/**
	 * Stops, resumes, cancels or raises each chosen run; each one that may not says why.
	 */
	@PostMapping("/runs/bulk")
	String bulk(@RequestParam(name = "run", required = false) List<Long> runs,
			@RequestParam(defaultValue = "") String action, RedirectAttributes redirect) {
		if (runs == null || runs.isEmpty() || !List.of("stop", "resume", "cancel", "raise").contains(action)) {
			redirect.addFlashAttribute("problem", "Choose the runs, then stop, resume, cancel or raise.");
			return "redirect:/runs";
		}
		LongConsumer control = control(action);
		List<String> refused = new ArrayList<>();
		int done = 0;
		for (long run : runs) {
			try {
				control.accept(run);
				done++;
			}
			catch (RunStateException ex) {
				refused.add(ex.getMessage());
			}
		}
		redirect.addFlashAttribute("notice", verb(action) + " " + done + " of " + runs.size() + " runs.");
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("problem", String.join("; ", refused));
		}
		return "redirect:/runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String scene, @RequestParam(defaultValue = "0") int page, Model model) {
		RunSummary summary = this.summaries.find(id).orElseThrow(() -> notFound(id));
		String wantedState = (state == null || state.isBlank()) ? null : validState(state);
		String wantedScene = blankToNull(scene);
		int current = Math.max(0, page);
		List<TaskImage> gallery = this.images.page(id, wantedState, wantedScene, IMAGES_PER_PAGE + 1,
				(long) current * IMAGES_PER_PAGE);
		model.addAttribute("summary", summary);
		model.addAttribute("merchant", this.summaries.merchantOf(id).orElse(""));
		model.addAttribute("progress", progress(id));
		model.addAttribute("gallery", gallery.stream().limit(IMAGES_PER_PAGE).toList());
		model.addAttribute("more", gallery.size() > IMAGES_PER_PAGE);
		model.addAttribute("page", current);
		model.addAttribute("states", TaskState.values());
		model.addAttribute("scenes", this.images.scenesOf(id));
		model.addAttribute("state", orEmpty(wantedState));
		model.addAttribute("scene", orEmpty(wantedScene));
		return "admin/run";
	}

	/**
	 * The run's published images and its manifest as one ZIP, as {@code export-run}
	 * writes them: exported into a folder of its own, streamed, and removed.
	 */
	@GetMapping("/runs/{id}/download.zip")
	void download(@PathVariable long id, HttpServletResponse response) throws IOException {
		progress(id);
		Path folder = Files.createTempDirectory("p2p-run-" + id + "-");
		try {
			this.export.export(id, folder);
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("run-" + id + ".zip").build().toString());
			// written while the request waits: a download holds one request thread
			try (ZipOutputStream archive = new ZipOutputStream(response.getOutputStream());
					Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					archive.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
					Files.copy(file, archive);
					archive.closeEntry();
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	/** The run's progress as it changes. */
	@GetMapping(path = "/live/runs/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live(@PathVariable long id) {
		progress(id);
		return this.live.subscribe("progress",
				() -> this.fragments.render("admin/run", "progress", Map.of("progress", progress(id))));
	}

	@PostMapping("/runs/{id}/{action:stop|resume|cancel|raise}")
	String control(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		progress(id);
		try {
			control(action).accept(id);
			redirect.addFlashAttribute("notice", verb(action) + " run " + id + ".");
		}
		catch (RunStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	/** The run's failed tasks rendered again, as a new run: its page is shown. */
	@PostMapping("/runs/{id}/retry-failed")
	String retryFailed(@PathVariable long id, RedirectAttributes redirect) {
		progress(id);
		try {
			SubmittedRun retry = this.queue.submitRetry(id);
			redirect.addFlashAttribute("notice", "Run " + retry.id() + " renders the failed tasks of run " + id + ".");
			return "redirect:/runs/" + retry.id();
		}
		catch (InvalidRunRequestException | RunStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/runs/" + id;
		}
	}

	private RunProgress progress(long id) {
		return this.progresses.find(id).orElseThrow(() -> notFound(id));
	}

	private LongConsumer control(String action) {
		return switch (action) {
			case "stop" -> this.controls::stop;
			case "resume" -> this.controls::resume;
			case "cancel" -> this.controls::cancel;
			case "raise" -> this.controls::raise;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"action must be stop, resume, cancel or raise, was '" + action + "'");
		};
	}

	private static String verb(String action) {
		return switch (action) {
			case "stop" -> "Stopping";
			case "resume" -> "Resumed";
			case "raise" -> "Raised";
			default -> "Cancelling";
		};
	}

	private static String validState(String state) {
		String upper = state.strip().toUpperCase(Locale.ROOT);
		for (TaskState candidate : TaskState.values()) {
			if (candidate.name().equals(upper)) {
				return upper;
			}
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no task state '" + state + "'");
	}

	private static String status(String status, Map<String, String> errors) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String upper = status.strip().toUpperCase(Locale.ROOT);
		for (RunStatus candidate : RunStatus.values()) {
			if (candidate.name().equals(upper)) {
				return upper;
			}
		}
		errors.put("status", "no run state '" + status + "'");
		return null;
	}

	private static LocalDate day(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "a day as YYYY-MM-DD, was '" + text + "'");
			return null;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String orEmpty(String text) {
		return (text == null) ? "" : text;
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no run with id " + id);
	}

}
