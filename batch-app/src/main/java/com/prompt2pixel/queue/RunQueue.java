package com.prompt2pixel.queue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.expand.OnDemandPlanner;
import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportStatus;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import com.prompt2pixel.ingest.StudioPhotos;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunStateException;
import com.prompt2pixel.run.RunStatus;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues runs on the cluster ({@code submit}): the run is recorded at once and a
 * manager's {@link RunDispatcher} starts it, on-demand runs straight away, batch runs
 * when their pool's generation window is open.
 */
@Service
public class RunQueue {

	private final CatalogRuns runs;

	private final SubmittedRuns submitted;

	private final RunRepository repository;

	private final GpuPools pools;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Merchants merchants;

	private final CatalogImportService imports;

	private final TransactionTemplate transaction;

	private final OnDemandPlanner planner;

	private final StudioPhotos studio;

	private final RunDispatcher dispatcher;

	RunQueue(CatalogRuns runs, SubmittedRuns submitted, RunRepository repository, GpuPools pools, JdbcTemplate jdbc,
			Clock clock, Merchants merchants, CatalogImportService imports,
			PlatformTransactionManager transactionManager, OnDemandPlanner planner, RunDispatcher dispatcher,
			StudioPhotos studio) {
		this.studio = studio;
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.merchants = merchants;
		this.transaction = new TransactionTemplate(transactionManager);
		this.imports = imports;
		this.runs = runs;
		this.submitted = submitted;
		this.repository = repository;
		this.pools = pools;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The runs waiting to start, in the order they will start. */
	public List<SubmittedRun> waiting() {
		return this.dispatcher.waiting();
	}

	/**
	 * Queues a merchant's nightly catalog sync and incremental run: its last uploaded
	 * catalog imported again, or its Shopify shop read again when its catalog comes from
	 * there (only products whose content changed get new images: the rest reuse the ones
	 * already paid for), as a batch run on its schedule's pool.
	 * @throws InvalidRunRequestException when the merchant has no catalog to sync from,
	 * or its shop could not be read
	 */
	public SubmittedRun submitNightly(String merchantId) {
		String pool = this.jdbc
			.queryForList("SELECT pool FROM merchant_schedule WHERE merchant_id = ?", String.class, merchantId)
			.stream()
			.findFirst()
			.orElse(GpuPool.DEFAULT);
		// the merchant's own last catalog that imported: what a nightly run itself staged
		// does not count, nor one that failed (replayed, it could mark every product
		// removed)
		List<Map<String, Object>> last = this.jdbc.queryForList("""
				SELECT source, file_path, mapping_file, sheet, photo_root FROM catalog_import i
				WHERE merchant_id = ? AND scope = 'CATALOG' AND status = 'COMPLETED'
				  AND NOT EXISTS (SELECT 1 FROM generation_run r WHERE r.id = i.run_id AND r.kind = 'NIGHTLY')
				ORDER BY id DESC LIMIT 1""", merchantId);
		if (last.isEmpty()) {
			throw new InvalidRunRequestException("merchant " + merchantId + " has no catalog to sync yet");
		}
		Map<String, Object> source = last.get(0);
		RunRequest request = "SHOPIFY".equals(source.get("source"))
				? new RunRequest(merchantId, syncShopify(merchantId), null, null, null)
				: replay(merchantId, source, null, null);
		// the sync above ran its own job; the run is queued and marked in one transaction
		return this.transaction.execute((status) -> {
			SubmittedRun run = submit(request, RunPriority.BATCH, pool);
			this.repository.markNightly(run.id());
			return run;
		});
	}

	/**
	 * Queues a run of one of the merchant's completed imports (the API's
	 * {@code POST /api/v1/runs}): its catalog file imported again, under the photo folder
	 * it came with, so an upload stays held to its own folder.
	 * @param templateSet null: the set each product's rules match
	 * @param variants null: each scene's own
	 * @throws InvalidRunRequestException when the merchant has no such import, or it did
	 * not complete (a failed import replayed could mark every product removed)
	 */
	public SubmittedRun submitImport(String merchantId, long importId, String templateSet, Integer variants,
			RunPriority priority, String pool) {
		List<Map<String, Object>> found = this.jdbc.queryForList("""
				SELECT source, file_path, mapping_file, sheet, photo_root, status, scope, file_removed_at
				FROM catalog_import WHERE id = ? AND merchant_id = ?""", importId, merchantId);
		if (found.isEmpty()) {
			throw new InvalidRunRequestException("no catalog import with id " + importId);
		}
		Map<String, Object> source = found.get(0);
		if (!"CATALOG".equals(source.get("scope"))) {
			throw new InvalidRunRequestException("catalog import " + importId
					+ " holds some products (a webhook delivery or a studio photo), not a whole catalog; run a catalog's import");
		}
		if (!ImportStatus.COMPLETED.is((String) source.get("status"))) {
			throw new InvalidRunRequestException("catalog import " + importId + " is " + source.get("status")
					+ "; only a completed import can be run");
		}
		if (source.get("file_removed_at") != null) {
			throw new InvalidRunRequestException("catalog import " + importId
					+ "'s upload was removed after the retention period (p2p.upload.retention); upload the catalog again");
		}
		return submit(replay(merchantId, source, templateSet, variants), priority, pool);
	}

	/** A run of an import's catalog file again, as it was read the first time. */
	private static RunRequest replay(String merchantId, Map<String, Object> source, String templateSet,
			Integer variants) {
		String mapping = (String) source.get("mapping_file");
		String photoRoot = (String) source.get("photo_root");
		return new RunRequest(merchantId, Path.of((String) source.get("file_path")), templateSet, variants, null,
				new CatalogOptions((mapping != null) ? Path.of(mapping) : null, (String) source.get("sheet")),
				(photoRoot != null) ? Path.of(photoRoot) : null);
	}

	/**
	 * Reads the merchant's shop again (a Shopify import, to its end) and returns the
	 * snapshot it wrote: the night's run generates from what the shop holds now.
	 */
	private Path syncShopify(String merchantId) {
		ImportSummary sync;
		try {
			sync = this.imports.startShopify(merchantId, "AUTO");
		}
		catch (InvalidImportRequestException ex) {
			throw new InvalidRunRequestException(ex.getMessage(), ex);
		}
		if (!ImportStatus.COMPLETED.is(sync.status())) {
			throw new InvalidRunRequestException(
					"the nightly sync of merchant " + merchantId + "'s Shopify shop failed: " + sync.message());
		}
		return Path
			.of(this.jdbc.queryForObject("SELECT file_path FROM catalog_import WHERE id = ?", String.class, sync.id()));
	}

	/**
	 * Queues an on-demand generation in the on-demand lane, which no window holds back,
	 * and has this manager look at the queue as soon as it is committed.
	 * @throws InvalidRunRequestException for an unknown merchant, a product it does not
	 * have, an unknown set or scene, or a prompt its policy blocks (nothing is written)
	 */
	@Transactional
	public SubmittedRun submitGeneration(OnDemandRequest request) {
		String unknown = this.merchants.unknown(request.merchantId());
		if (unknown != null) {
			throw new InvalidRunRequestException(unknown);
		}
		long productId = this.planner.check(request);
		GenerationRun run = this.repository.createGeneration(request, productId);
		// the on-demand lane waits for no window
		SubmittedRun queued = enqueue(run.id(), RunPriority.ON_DEMAND, GpuPool.alwaysOpen(GpuPool.DEFAULT));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				RunQueue.this.dispatcher.nudge();
			}

		});
		return queued;
	}

	/**
	 * Queues an on-demand generation of a photo the merchant sent: the photo becomes a
	 * studio product (see {@link StudioPhotos}) in the same transaction as the
	 * generation.
	 * @param forProduct the generation, given the studio product's key
	 * @throws InvalidRunRequestException when the photo is not a usable image, or as
	 * {@link #submitGeneration}
	 */
	@Transactional
	public SubmittedRun submitGeneration(String merchantId, byte[] photo, String title,
			Function<String, OnDemandRequest> forProduct) {
		String unknown = this.merchants.unknown(merchantId);
		if (unknown != null) {
			throw new InvalidRunRequestException(unknown);
		}
		String key;
		try {
			key = this.studio.add(merchantId, photo, title);
		}
		catch (ProductImageException ex) {
			throw new InvalidRunRequestException("part 'photo' is not a usable image: " + ex.getMessage(), ex);
		}
		return submitGeneration(forProduct.apply(key));
	}

	/**
	 * Queues a run that renders again the failed tasks of an ended run, in that run's
	 * lane and pool (a batch one by its window); the run it retries is left as it was.
	 * @throws RunStateException when the run has not ended, or has no failed tasks
	 */
	@Transactional
	public SubmittedRun submitRetry(long runId) {
		GenerationRun source = this.repository.get(runId);
		if (!Set.of(RunStatus.COMPLETED.name(), RunStatus.FAILED.name(), RunStatus.CANCELLED.name())
			.contains(source.status())) {
			throw new RunStateException(
					"run " + runId + " is " + source.status() + "; retry its failed tasks once it has ended");
		}
		Integer failed = this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE run_id = ? AND state = 'FAILED'", Integer.class, runId);
		if (failed == null || failed == 0) {
			throw new RunStateException("run " + runId + " has no failed tasks");
		}
		Map<String, Object> lane = this.jdbc.queryForMap("SELECT priority, pool FROM generation_run WHERE id = ?",
				runId);
		GpuPool pool = this.pools.find((String) lane.get("pool"))
			.orElseGet(() -> GpuPool.alwaysOpen((String) lane.get("pool")));
		RunPriority priority = RunPriority.valueOf((String) lane.get("priority"));
		return enqueue(this.repository.createRetry(source).id(), priority, pool);
	}

	/**
	 * Queues a recorded regeneration (images a reviewer sent back) in the on-demand lane
	 * of the pool its source run used: a person is waiting for it.
	 */
	@Transactional
	public SubmittedRun submitRegeneration(long regenerationRunId) {
		String poolName = this.jdbc.queryForObject("""
				SELECT source.pool FROM generation_run r JOIN generation_run source ON source.id = r.retry_of
				WHERE r.id = ? AND r.kind = 'REGENERATE'""", String.class, regenerationRunId);
		GpuPool pool = this.pools.find(poolName).orElseGet(() -> GpuPool.alwaysOpen(poolName));
		return enqueue(regenerationRunId, RunPriority.ON_DEMAND, pool);
	}

	/**
	 * @return the run as queued: QUEUED, or WAITING_WINDOW with its expected start
	 * @throws InvalidRunRequestException for an unusable request, an unknown merchant or
	 * an unknown pool (nothing is written)
	 */
	@Transactional
	public SubmittedRun submit(RunRequest request, RunPriority priority, String poolName) {
		String merchant = request.merchantId();
		String unknown = this.merchants.unknown(merchant);
		if (unknown != null) {
			throw new InvalidRunRequestException(unknown);
		}
		GpuPool pool;
		try {
			pool = this.pools.get(poolName);
		}
		catch (InvalidScheduleException ex) {
			throw new InvalidRunRequestException(ex.getMessage(), ex);
		}
		return enqueue(this.runs.record(request).id(), priority, pool);
	}

	/**
	 * Puts a recorded run on the queue in its lane: QUEUED, or a batch run whose pool's
	 * window is closed WAITING_WINDOW with its expected start.
	 */
	private SubmittedRun enqueue(long runId, RunPriority priority, GpuPool pool) {
		Instant now = this.clock.instant();
		boolean waits = priority == RunPriority.BATCH && !pool.isOpen(now);
		this.repository.markSubmitted(runId, priority, pool.name(), waits ? RunStatus.WAITING_WINDOW : RunStatus.QUEUED,
				waits ? pool.nextOpening(now).orElseThrow() : null, now);
		return this.submitted.find(runId).orElseThrow();
	}

}
