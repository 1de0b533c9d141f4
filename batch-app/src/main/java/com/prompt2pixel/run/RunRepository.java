package com.prompt2pixel.run;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.ingest.CatalogImports;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.system.ServerPaths;
import com.prompt2pixel.webhook.WebhookOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code generation_run} table, its only writer: runs and their catalog imports, and
 * the queue fields that the run queue and the cluster's dispatchers set (priority, pool,
 * expected start, the node executing it). Queue transitions are guarded by the state they
 * expect, so that of several nodes only one moves a run.
 */
@Repository
public class RunRepository {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final CatalogImports imports;

	/** Where a run without its own output folder publishes: {@code <this>/run-<id>}. */
	private final Path outputs;

	private final RunSummaries summaries;

	private final WebhookOutbox outbox;

	RunRepository(JdbcTemplate jdbc, Merchants merchants, CatalogImports imports, RunSummaries summaries,
			WebhookOutbox outbox, @Value("${p2p.out-dir}") String outputs) {
		this.jdbc = jdbc;
		this.summaries = summaries;
		this.outbox = outbox;
		// as text: Spring reads a Path given as "/" as the class path's root
		this.outputs = Path.of(outputs);
		this.merchants = merchants;
		this.imports = imports;
	}

	/** Creates the run, its catalog import and, on first sight, the merchant. */
	@Transactional
	public GenerationRun create(RunRequest request) {
		this.merchants.ensure(request.merchantId());
		long id = this.jdbc.queryForObject("SELECT nextval('generation_run_id_seq')", Long.class);
		Path outDir = ((request.outDir() != null) ? request.outDir() : this.outputs.resolve("run-" + id))
			.toAbsolutePath()
			.normalize();
		this.jdbc.update(
				"""
						INSERT INTO generation_run (id, merchant_id, kind, status, catalog_file, template_set, variants, out_dir,
						                            publish_to)
						VALUES (?, ?, 'UPLOAD', 'QUEUED', ?, ?, ?, ?, ?)""",
				id, request.merchantId(), request.catalogFile().toAbsolutePath().normalize().toString(),
				request.templateSet(), request.variants(), outDir.toString(), request.publishTo());
		this.imports.create(request.importRequest(), id);
		return find(id).orElseThrow();
	}

	/**
	 * Creates an on-demand generation's run and keeps its request, from which its render
	 * tasks are planned; it has no catalog import.
	 * @param productId the product, checked to be the merchant's and to have a photo
	 */
	@Transactional
	public GenerationRun createGeneration(OnDemandRequest request, long productId) {
		long id = this.jdbc.queryForObject("SELECT nextval('generation_run_id_seq')", Long.class);
		this.jdbc.update("""
				INSERT INTO generation_run (id, merchant_id, kind, status, template_set, variants, out_dir)
				VALUES (?, ?, 'ON_DEMAND', 'QUEUED', ?, ?, ?)""", id, request.merchantId(), request.templateSet(),
				request.variants(), this.outputs.resolve("run-" + id).toAbsolutePath().normalize().toString());
		this.jdbc.update("""
				INSERT INTO generation_request (run_id, product_id, scene, prompt, negative_prompt, seed, width, height)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, productId, request.scene(), request.prompt(),
				request.negativePrompt(), request.seed(), request.width(), request.height());
		return find(id).orElseThrow();
	}

	/**
	 * Creates a run that renders again the failed tasks of {@code source}, with its
	 * template set and variants; its tasks are copied when it starts.
	 */
	@Transactional
	public GenerationRun createRetry(GenerationRun source) {
		long id = this.jdbc.queryForObject("SELECT nextval('generation_run_id_seq')", Long.class);
		this.jdbc.update("""
				INSERT INTO generation_run (id, merchant_id, kind, status, template_set, variants, out_dir, retry_of)
				VALUES (?, ?, 'RETRY', 'QUEUED', ?, ?, ?, ?)""", id, source.merchantId(), source.templateSet(),
				source.variants(), this.outputs.resolve("run-" + id).toAbsolutePath().normalize().toString(),
				source.id());
		return find(id).orElseThrow();
	}

	/**
	 * Creates a run that renders again, with new seeds, images reviewers sent back from
	 * {@code source}: recorded, not queued; its tasks are added by whoever sends them
	 * back.
	 */
	@Transactional
	public GenerationRun createRegeneration(GenerationRun source) {
		long id = this.jdbc.queryForObject("SELECT nextval('generation_run_id_seq')", Long.class);
		this.jdbc.update("""
				INSERT INTO generation_run (id, merchant_id, kind, status, template_set, variants, out_dir, retry_of,
				                            publish_to)
				VALUES (?, ?, 'REGENERATE', 'QUEUED', ?, ?, ?, ?, ?)""", id, source.merchantId(), source.templateSet(),
				source.variants(), this.outputs.resolve("run-" + id).toAbsolutePath().normalize().toString(),
				source.id(), source.publishTo());
		return find(id).orElseThrow();
	}

	public Optional<GenerationRun> find(long id) {
		return this.jdbc.query("""
				SELECT r.id, r.merchant_id, r.status, r.catalog_file, r.template_set, r.variants, r.out_dir,
				       r.kind, r.publish_to, i.id AS import_id
				FROM generation_run r LEFT JOIN catalog_import i ON i.run_id = r.id
				WHERE r.id = ?""",
				(rs, row) -> new GenerationRun(rs.getLong("id"), rs.getString("merchant_id"), rs.getString("status"),
						(rs.getString("catalog_file") != null) ? Path.of(rs.getString("catalog_file")) : null,
						rs.getString("template_set"), rs.getObject("variants", Integer.class),
						Path.of(rs.getString("out_dir")), rs.getObject("import_id", Long.class), rs.getString("kind"),
						rs.getString("publish_to")),
				id)
			.stream()
			.findFirst();
	}

	/**
	 * @throws IllegalArgumentException when there is no such run
	 */
	public GenerationRun get(long id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no run with id " + id));
	}

	void markRunning(long id) {
		this.jdbc.update("""
				UPDATE generation_run
				SET status = 'RUNNING', failure = NULL, finished_at = NULL, started_at = coalesce(started_at, now())
				WHERE id = ?""", id);
	}

	/**
	 * Records how the run ended; a completed or failed run's webhook event is written in
	 * the same transaction (the outbox), so it is sent exactly when the end is recorded.
	 */
	@Transactional
	void markFinished(long id, RunStatus status, String failure) {
		// a run asked to cancel stops at a chunk boundary, and that stop is its end
		this.jdbc.update("""
				UPDATE generation_run
				SET status = CASE WHEN ? = 'STOPPED' AND hold = 'CANCEL' THEN 'CANCELLED' ELSE ? END,
				    failure = CASE WHEN ? = 'STOPPED' AND hold = 'CANCEL' THEN ? ELSE ? END, finished_at = now()
				WHERE id = ?""", status.name(), status.name(), status.name(), CANCELLED, failure, id);
		if (status == RunStatus.COMPLETED || status == RunStatus.FAILED) {
			GenerationRun run = get(id);
			boolean completed = status == RunStatus.COMPLETED;
			// the event's data is read only for a merchant whose endpoints want the event
			if (run.isGeneration()) {
				this.outbox.record(run.merchantId(),
						completed ? WebhookOutbox.GENERATION_COMPLETED : WebhookOutbox.GENERATION_FAILED,
						() -> generationEventData(id, status, failure));
			}
			else {
				this.outbox.record(run.merchantId(), completed ? WebhookOutbox.RUN_COMPLETED : WebhookOutbox.RUN_FAILED,
						() -> eventData(id, status, failure));
			}
		}
	}

	private Map<String, Object> generationEventData(long id, RunStatus status, String failure) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("generation", id);
		data.put("status", status.name());
		data.put("images",
				this.jdbc
					.queryForList("SELECT id FROM render_task WHERE run_id = ? AND image_key IS NOT NULL ORDER BY id",
							Long.class, id)
					.stream()
					.map((image) -> Map.of("id", image, "url", "/api/v1/images/" + image))
					.toList());
		data.put("failure", ServerPaths.hide(failure));
		data.put("url", "/api/v1/generations/" + id);
		return data;
	}

	private Map<String, Object> eventData(long id, RunStatus status, String failure) {
		RunSummary summary = this.summaries.find(id).orElseThrow();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("run", id);
		data.put("status", status.name());
		data.put("images", summary.images());
		data.put("published", summary.published());
		data.put("needs_review", summary.needsReview());
		data.put("failed", summary.failed());
		data.put("failure", ServerPaths.hide(failure));
		data.put("url", "/api/v1/runs/" + id);
		return data;
	}

	/** Whether the run was submitted in the on-demand lane. */
	public boolean isOnDemand(long id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT submitted AND priority = 'ON_DEMAND' FROM generation_run WHERE id = ?", Boolean.class, id));
	}

	/** A cancelled run's failure, as its summary and progress show it. */
	private static final String CANCELLED = "cancelled on request";

	/**
	 * What was asked of a submitted run: to stay stopped until resumed, or to end for
	 * good.
	 */
	public enum Hold {

		STOP, CANCEL

	}

	/**
	 * A submitted run's status and hold, locked until the caller's transaction ends: what
	 * a stop, resume or cancel decides from.
	 * @return empty when there is no such submitted run
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<HeldStatus> lockForControl(long id) {
		return this.jdbc
			.query("SELECT status, hold FROM generation_run WHERE id = ? AND submitted FOR UPDATE",
					(rs, row) -> new HeldStatus(RunStatus.valueOf(rs.getString("status")),
							(rs.getString("hold") != null) ? Hold.valueOf(rs.getString("hold")) : null),
					id)
			.stream()
			.findFirst();
	}

	/**
	 * A run's status and what was asked of it.
	 *
	 * @param hold null when nothing was
	 */
	public record HeldStatus(RunStatus status, Hold hold) {
	}

	/**
	 * Holds the run; one that waits to start is stopped at once (a running one stops at
	 * its next chunk boundary, asked by {@link CatalogRuns#stop}).
	 */
	public void hold(long id, Hold hold) {
		this.jdbc.update("""
				UPDATE generation_run
				SET hold = ?, expected_start = NULL,
				    status = CASE WHEN status IN ('QUEUED', 'WAITING_WINDOW') THEN 'STOPPED' ELSE status END
				WHERE id = ?""", hold.name(), id);
	}

	/** Moves the run to the front of its lane's queue (see {@code SubmittedRuns}). */
	public void raise(long id) {
		this.jdbc.update("UPDATE generation_run SET raised_at = clock_timestamp() WHERE id = ?", id);
	}

	/**
	 * Lets the dispatchers take the run again: a stopped one as it is, a failed one
	 * queued to be restarted from where it failed.
	 */
	public void release(long id) {
		this.jdbc.update("""
				UPDATE generation_run
				SET hold = NULL, status = CASE WHEN status = 'FAILED' THEN 'QUEUED' ELSE status END
				WHERE id = ?""", id);
	}

	/** Ends a run that is not executing, for good. */
	public void cancel(long id) {
		this.jdbc.update("""
				UPDATE generation_run
				SET hold = 'CANCEL', status = 'CANCELLED', failure = ?, finished_at = now(), expected_start = NULL
				WHERE id = ?""", CANCELLED, id);
	}

	/** Whether something was asked of the run that keeps it from executing. */
	boolean isHeld(long id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT hold IS NOT NULL FROM generation_run WHERE id = ?",
				Boolean.class, id));
	}

	void markStopping(long id) {
		this.jdbc.update("UPDATE generation_run SET status = 'STOPPING' WHERE id = ? AND status = 'RUNNING'", id);
	}

	/** Puts a recorded run on the cluster's queue. */
	public void markSubmitted(long id, RunPriority priority, String pool, RunStatus status, Instant expectedStart,
			Instant queuedAt) {
		this.jdbc.update("""
				UPDATE generation_run
				SET submitted = true, priority = ?, pool = ?, status = ?, expected_start = ?, queued_at = ?
				WHERE id = ?""", priority.name(), pool, status.name(), timestamp(expectedStart), timestamp(queuedAt),
				id);
	}

	/** A run that a merchant's nightly schedule queued. */
	public void markNightly(long id) {
		this.jdbc.update("UPDATE generation_run SET kind = 'NIGHTLY' WHERE id = ?", id);
	}

	/**
	 * Takes a waiting run for a node: only one dispatcher can move it out of the state it
	 * was read in.
	 */
	public boolean claim(long id, String readInStatus, String nodeId) {
		return this.jdbc.update("""
				UPDATE generation_run SET status = 'RUNNING', expected_start = NULL, node_id = ?
				WHERE id = ? AND status = ? AND submitted AND hold IS NULL""", nodeId, id, readInStatus) == 1;
	}

	/** A queued run now waits for its window; a stopped one keeps its state. */
	public void expect(long id, String readInStatus, Instant expectedStart) {
		this.jdbc.update("""
				UPDATE generation_run
				SET status = CASE WHEN status = 'QUEUED' THEN 'WAITING_WINDOW' ELSE status END, expected_start = ?
				WHERE id = ? AND status = ?""", timestamp(expectedStart), id, readInStatus);
	}

	/**
	 * Takes a run over from its dead node: only one live node can, and while it recovers
	 * the run no other node can claim it.
	 */
	public boolean adopt(long id, String deadNode, String nodeId) {
		return this.jdbc.update("""
				UPDATE generation_run SET node_id = ?
				WHERE id = ? AND node_id = ? AND status IN ('RUNNING', 'STOPPING')""", nodeId, id, deadNode) == 1;
	}

	/**
	 * A run whose node died goes back to the queue as stopped: the next dispatch resumes
	 * it from its last committed chunk.
	 */
	public void requeueOrphan(long id, String adoptedBy) {
		this.jdbc.update("""
				UPDATE generation_run SET status = CASE WHEN hold = 'CANCEL' THEN 'CANCELLED' ELSE 'STOPPED' END,
				    failure = CASE WHEN hold = 'CANCEL' THEN ? ELSE failure END
				WHERE id = ? AND node_id = ? AND submitted AND status IN ('RUNNING', 'STOPPING')""", CANCELLED, id,
				adoptedBy);
	}

	/**
	 * A run that failed only because a worker died with one of its partitions, while its
	 * manager was shutting down: it goes back to the queue as stopped, for another
	 * manager to restart.
	 */
	public void requeueAfterLoss(long id) {
		this.jdbc.update("""
				UPDATE generation_run SET status = 'STOPPED', failure = NULL
				WHERE id = ? AND submitted AND status = 'FAILED'""", id);
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
