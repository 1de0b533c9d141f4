package com.prompt2pixel.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import com.prompt2pixel.generate.GeneratePartitions;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Starts and stops submitted runs by their pools' generation windows. Each call looks at
 * the queue once: batch runs whose window has closed are asked to stop (they end STOPPED
 * at their next chunk boundary); waiting runs start in the queue's order (on-demand
 * first, then paid plans and runs that have waited long, then the oldest) while their
 * lane on this manager has room, batch ones only inside their window; the rest are told
 * when they are expected to start. A stopped run resumes from its last committed chunk
 * when its window opens again. On-demand runs have a lane of their own, so a batch run
 * occupying the manager does not keep them waiting; on the generator their chunks go
 * first ({@code GpuLanes}).
 */
@Service
@Order(2)
class RunDispatcher implements NodeDuty, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

	private final SubmittedRuns submitted;

	private final GpuPools pools;

	private final CatalogRuns runs;

	private final RunRepository repository;

	private final Clock clock;

	private final Duration aging;

	private final Map<RunPriority, Lane> lanes = new EnumMap<>(RunPriority.class);

	private final GeneratePartitions partitions;

	private final Duration deadAfter;

	/** This process's node, once it takes part; null in the one-shot CLI commands. */
	private volatile String nodeId;

	private volatile boolean draining;

	private final int onDemandRuns;

	private final int concurrentRuns;

	/** Whether a look at the queue has been asked for and not yet begun. */
	private final AtomicBoolean nudged = new AtomicBoolean();

	/** The runs executing here, so that a drain can ask each to stop. */
	private final Set<Long> executing = ConcurrentHashMap.newKeySet();

	RunDispatcher(SubmittedRuns submitted, GpuPools pools, CatalogRuns runs, RunRepository repository, Clock clock,
			ScheduleProperties properties, GeneratePartitions partitions) {
		this.repository = repository;
		this.partitions = partitions;
		this.deadAfter = properties.deadAfter();
		this.submitted = submitted;
		this.pools = pools;
		this.runs = runs;
		this.clock = clock;
		this.aging = properties.aging();
		this.onDemandRuns = properties.onDemandRuns();
		this.concurrentRuns = properties.concurrentRuns();
		openLanes();
	}

	/**
	 * Makes this process, the given manager node, execute submitted runs: anew after a
	 * drain too (a stopped application context that is started again, as tests do).
	 */
	@Override
	public synchronized void join(String nodeId) {
		this.nodeId = nodeId;
		this.draining = false;
		if (this.lanes.values().stream().anyMatch((lane) -> lane.executor.isShutdown())) {
			openLanes();
		}
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.MANAGER;
	}

	/**
	 * The runs waiting to start, in the order the dispatcher takes them (on-demand first;
	 * then paid plans and aged free runs; then the longest queued).
	 */
	List<SubmittedRun> waiting() {
		return this.submitted.waiting(this.clock.instant(), this.aging);
	}

	/** Recovers the runs of dead managers, then looks at the queue. */
	@Override
	public void tick(Duration deadAfter) {
		recoverOrphans();
		dispatch();
	}

	private void openLanes() {
		this.lanes.put(RunPriority.ON_DEMAND, new Lane("on-demand", this.onDemandRuns));
		this.lanes.put(RunPriority.BATCH, new Lane("batch", this.concurrentRuns));
	}

	/**
	 * Runs held by dead nodes are recovered (their executions marked ended) and go back
	 * to the queue, to resume from their last committed chunk.
	 */
	public synchronized void recoverOrphans() {
		if (this.nodeId == null) {
			return;
		}
		for (SubmittedRuns.Orphan orphan : this.submitted.orphaned(this.deadAfter)) {
			// adopted first, so that no other node recovers it twice or claims it
			// meanwhile
			if (this.repository.adopt(orphan.runId(), orphan.nodeId(), this.nodeId)) {
				log.warn("Run {} lost its node {}; it resumes from its last committed chunk", orphan.runId(),
						orphan.nodeId());
				this.runs.recoverAbandoned(orphan.runId());
				this.repository.requeueOrphan(orphan.runId(), this.nodeId);
			}
		}
	}

	/**
	 * One look at the queue; safe to call from several nodes at once (a run is claimed by
	 * one).
	 * @throws IllegalStateException in a process that does not execute submitted runs
	 */
	public synchronized void dispatch() {
		if (this.nodeId == null) {
			throw new IllegalStateException("this process does not execute submitted runs (p2p.schedule.dispatch)");
		}
		if (this.draining) {
			return;
		}
		Instant now = this.clock.instant();
		Map<String, GpuPool> pools = new HashMap<>();
		for (SubmittedRun run : this.submitted.runningBatch()) {
			if (!pool(pools, run).isOpen(now) && this.runs.stop(run.id())) {
				log.info("Run {} is stopping: the generation window of pool {} has closed", run.id(), run.pool());
			}
		}
		for (SubmittedRun run : this.submitted.waiting(now, this.aging)) {
			GpuPool pool = pool(pools, run);
			if (run.priority() == RunPriority.ON_DEMAND || pool.isOpen(now)) {
				Lane lane = this.lanes.get(run.priority());
				if (lane.hasRoom() && this.repository.claim(run.id(), run.status(), this.nodeId)) {
					lane.launch(run);
				}
			}
			else {
				this.repository.expect(run.id(), run.status(), pool.nextOpening(now).orElse(null));
			}
		}
	}

	/**
	 * Looks at the queue now, off the caller's thread, rather than at the next tick: an
	 * on-demand generation should not wait up to a dispatch interval to start. Asks made
	 * while one is pending fold into it. Does nothing in a process that does not execute
	 * submitted runs (the next tick of a manager that does takes the run).
	 */
	void nudge() {
		if (this.nodeId == null || this.draining || !this.nudged.compareAndSet(false, true)) {
			return;
		}
		Thread look = new Thread(() -> {
			this.nudged.set(false);
			try {
				dispatch();
			}
			catch (RuntimeException ex) {
				// the next tick looks again
				log.warn("Could not look at the run queue: {}", ex.getMessage());
			}
		}, "dispatch-nudge");
		look.setDaemon(true);
		look.start();
	}

	/** Submitted runs executing on this manager now. */
	public int active() {
		return this.lanes.values().stream().mapToInt((lane) -> lane.active.get()).sum();
	}

	private GpuPool pool(Map<String, GpuPool> pools, SubmittedRun run) {
		// a pool deleted since the run was queued: run it as if always open rather than
		// leave it waiting for a window that no longer exists
		return pools.computeIfAbsent(run.pool(),
				(name) -> this.pools.find(name).orElseGet(() -> GpuPool.alwaysOpen(name)));
	}

	/**
	 * Stops taking runs and asks those executing here to stop at their next chunk
	 * boundary; waits for them up to the deadline, then cuts them off (their chunk in
	 * progress is rolled back and redone wherever the run resumes).
	 * @return whether every run stopped within the deadline
	 */
	@Override
	public boolean drain(Duration deadline) throws InterruptedException {
		this.draining = true;
		for (long runId : this.executing) {
			if (this.runs.stop(runId)) {
				log.info("Run {} is stopping: this node is shutting down", runId);
			}
		}
		long end = System.nanoTime() + deadline.toNanos();
		while (active() > 0 && System.nanoTime() < end) {
			Thread.sleep(100);
		}
		boolean stopped = active() == 0;
		if (!stopped) {
			log.warn("{} run(s) did not reach a chunk boundary within {}; cutting them off", active(), deadline);
		}
		destroy();
		return stopped;
	}

	@Override
	public void destroy() throws InterruptedException {
		for (Lane lane : this.lanes.values()) {
			lane.executor.shutdownNow();
		}
		for (Lane lane : this.lanes.values()) {
			lane.executor.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/** A lane's runs on this manager: as many at once as it has threads. */
	private final class Lane {

		private final int capacity;

		private final ExecutorService executor;

		private final AtomicInteger active = new AtomicInteger();

		Lane(String name, int capacity) {
			this.capacity = capacity;
			AtomicInteger threads = new AtomicInteger();
			this.executor = Executors.newFixedThreadPool(capacity, (task) -> {
				Thread thread = new Thread(task, name + "-run-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}

		boolean hasRoom() {
			return this.active.get() < this.capacity;
		}

		void launch(SubmittedRun run) {
			this.active.incrementAndGet();
			log.info("Starting submitted run {} ({}, pool {}, was {})", run.id(), run.priority(), run.pool(),
					run.status());
			RunDispatcher.this.executing.add(run.id());
			this.executor.execute(() -> {
				try {
					// a run whose step failed because a worker node died with one of its
					// partitions is restarted at once: only that partition is executed
					// again
					boolean lost;
					do {
						RunDispatcher.this.runs.resumeClaimed(run.id());
						lost = RunDispatcher.this.partitions.takeLoss(run.id());
					}
					while (lost && !RunDispatcher.this.draining);
					if (lost) {
						RunDispatcher.this.repository.requeueAfterLoss(run.id());
					}
				}
				catch (RuntimeException ex) {
					log.error("Submitted run {} could not be executed: {}", run.id(), ex.getMessage(), ex);
				}
				finally {
					RunDispatcher.this.executing.remove(run.id());
					this.active.decrementAndGet();
				}
			});
		}

	}

}
