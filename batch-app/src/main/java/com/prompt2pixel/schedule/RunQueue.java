package com.prompt2pixel.schedule;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues runs on the cluster ({@code submit}): the run is recorded at once and a
 * manager's {@link RunDispatcher} starts it, on-demand runs straight away, batch runs
 * when their pool's generation window is open.
 */
@Service
public class RunQueue {

	private final CatalogRuns runs;

	private final SubmittedRuns submitted;

	private final GpuPools pools;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Merchants merchants;

	RunQueue(CatalogRuns runs, SubmittedRuns submitted, GpuPools pools, JdbcTemplate jdbc, Clock clock,
			Merchants merchants) {
		this.merchants = merchants;
		this.runs = runs;
		this.submitted = submitted;
		this.pools = pools;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a merchant's nightly catalog sync and incremental run: its last uploaded
	 * catalog imported again (only products whose content changed get new images: the
	 * rest reuse the ones already paid for), as a batch run on its schedule's pool.
	 * @throws InvalidRunRequestException when the merchant has no catalog file to sync
	 * from, or its last import came from Shopify (not built yet for nightly runs)
	 */
	@Transactional
	public SubmittedRun submitNightly(String merchantId) {
		String pool = this.jdbc
			.queryForList("SELECT pool FROM merchant_schedule WHERE merchant_id = ?", String.class, merchantId)
			.stream()
			.findFirst()
			.orElse(GpuPool.DEFAULT);
		List<Map<String, Object>> last = this.jdbc.queryForList("""
				SELECT source, file_path, mapping_file, sheet FROM catalog_import
				WHERE merchant_id = ? AND scope = 'CATALOG' ORDER BY id DESC LIMIT 1""", merchantId);
		if (last.isEmpty()) {
			throw new InvalidRunRequestException("merchant " + merchantId + " has no catalog to sync yet");
		}
		Map<String, Object> source = last.get(0);
		if ("SHOPIFY".equals(source.get("source"))) {
			throw new InvalidRunRequestException("merchant " + merchantId + " syncs from Shopify, and nightly runs "
					+ "from the Shopify API are not built yet; run import --shopify, then submit its snapshot");
		}
		String mapping = (String) source.get("mapping_file");
		RunRequest request = new RunRequest(merchantId, Path.of((String) source.get("file_path")), null, null, null,
				new CatalogOptions((mapping != null) ? Path.of(mapping) : null, (String) source.get("sheet")));
		SubmittedRun run = submit(request, RunPriority.BATCH, pool);
		this.jdbc.update("UPDATE generation_run SET kind = 'NIGHTLY' WHERE id = ?", run.id());
		return run;
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
		GenerationRun run = this.runs.record(request);
		Instant now = this.clock.instant();
		boolean waits = priority == RunPriority.BATCH && !pool.isOpen(now);
		Instant expectedStart = waits ? pool.nextOpening(now).orElseThrow() : null;
		this.submitted.markSubmitted(run.id(), priority, pool.name(), waits ? "WAITING_WINDOW" : "QUEUED",
				expectedStart, now);
		return this.submitted.find(run.id()).orElseThrow();
	}

}
