package com.prompt2pixel.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.run.CatalogRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Starts and stops submitted runs by their pools' generation windows. Each call looks at
 * the queue once: batch runs whose window has closed are asked to stop (they end STOPPED
 * at their next chunk boundary); waiting runs start, on-demand ones first and then the
 * oldest, while this manager has room, batch ones only inside their window; the rest are
 * told when they are expected to start. A stopped run resumes from its last committed
 * chunk when its window opens again.
 */
@Service
public class RunDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

	private final SubmittedRuns submitted;

	private final GpuPools pools;

	private final CatalogRuns runs;

	private final Clock clock;

	private final int capacity;

	private final ExecutorService executor;

	private final AtomicInteger active = new AtomicInteger();

	RunDispatcher(SubmittedRuns submitted, GpuPools pools, CatalogRuns runs, Clock clock,
			ScheduleProperties properties) {
		this.submitted = submitted;
		this.pools = pools;
		this.runs = runs;
		this.clock = clock;
		this.capacity = properties.concurrentRuns();
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(this.capacity, (task) -> {
			Thread thread = new Thread(task, "run-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** One look at the queue; safe to call from several managers at once. */
	public synchronized void dispatch() {
		Instant now = this.clock.instant();
		Map<String, GpuPool> pools = new HashMap<>();
		for (SubmittedRun run : this.submitted.runningBatch()) {
			if (!pool(pools, run).isOpen(now) && this.runs.stop(run.id())) {
				log.info("Run {} is stopping: the generation window of pool {} has closed", run.id(), run.pool());
			}
		}
		for (SubmittedRun run : this.submitted.waiting()) {
			GpuPool pool = pool(pools, run);
			if (run.priority() == RunPriority.ON_DEMAND || pool.isOpen(now)) {
				if (this.active.get() < this.capacity && this.submitted.claim(run)) {
					launch(run);
				}
			}
			else {
				this.submitted.expect(run, pool.nextOpening(now).orElse(null));
			}
		}
	}

	/** Submitted runs executing on this manager now. */
	public int active() {
		return this.active.get();
	}

	private GpuPool pool(Map<String, GpuPool> pools, SubmittedRun run) {
		// a pool deleted since the run was queued: run it as if always open rather than
		// leave it waiting for a window that no longer exists
		return pools.computeIfAbsent(run.pool(),
				(name) -> this.pools.find(name).orElseGet(() -> GpuPool.alwaysOpen(name)));
	}

	private void launch(SubmittedRun run) {
		this.active.incrementAndGet();
		log.info("Starting submitted run {} ({}, pool {}, was {})", run.id(), run.priority(), run.pool(), run.status());
		this.executor.execute(() -> {
			try {
				this.runs.resume(run.id());
			}
			catch (RuntimeException ex) {
				log.error("Submitted run {} could not be executed: {}", run.id(), ex.getMessage(), ex);
			}
			finally {
				this.active.decrementAndGet();
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
	}

}
