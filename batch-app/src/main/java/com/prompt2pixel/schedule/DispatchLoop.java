package com.prompt2pixel.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.prompt2pixel.ingest.ImportQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes serve and worker processes nodes of the cluster. At every tick a node heartbeats;
 * a manager then recovers the runs of dead managers and the partitions of dead workers,
 * takes runs from the queue, and takes (or adopts from dead nodes) queued catalog
 * imports; a worker takes generate partitions from the partition channel. Every node
 * ticks on its own (claims are atomic in the database), so work spreads over the nodes.
 * On shutdown (SIGTERM) the node drains first: its runs or partitions stop at a chunk
 * boundary within {@code p2p.schedule.stop-deadline}, to be resumed by the other nodes.
 */
@Component
class DispatchLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

	private final RunDispatcher dispatcher;

	private final PartitionWorker worker;

	private final LostPartitionRecovery lostPartitions;

	private final Nodes nodes;

	private final ImportQueue imports;

	private final ScheduleProperties properties;

	private ScheduledExecutorService ticker;

	private volatile String nodeId;

	private volatile boolean running;

	DispatchLoop(RunDispatcher dispatcher, PartitionWorker worker, LostPartitionRecovery lostPartitions, Nodes nodes,
			ImportQueue imports, ScheduleProperties properties) {
		this.dispatcher = dispatcher;
		this.worker = worker;
		this.lostPartitions = lostPartitions;
		this.nodes = nodes;
		this.imports = imports;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.dispatch()) {
			return;
		}
		this.nodeId = this.nodes.register(this.properties.role().label());
		if (isManager()) {
			this.dispatcher.join(this.nodeId);
			this.imports.join(this.nodeId);
			log.info("Node {} (manager) takes submitted runs, {} batch and {} on-demand at once", this.nodeId,
					this.properties.concurrentRuns(), this.properties.onDemandRuns());
		}
		else {
			this.worker.join(this.nodeId);
			log.info("Node {} (worker) takes generate partitions, {} at once", this.nodeId,
					this.properties.workerPartitions());
		}
		this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dispatch");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.dispatchInterval().toMillis();
		this.ticker.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	private boolean isManager() {
		return this.properties.role() == ScheduleProperties.Role.MANAGER;
	}

	private void tick() {
		try {
			this.nodes.heartbeat(this.nodeId);
			if (isManager()) {
				this.dispatcher.recoverOrphans();
				this.lostPartitions.recover(this.properties.deadAfter());
				this.dispatcher.dispatch();
				this.imports.tick(this.properties.deadAfter());
			}
			else {
				this.worker.take();
			}
		}
		catch (RuntimeException ex) {
			// the next tick tries again; a database that is away for a while is not fatal
			log.warn("Dispatch tick failed: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.ticker.shutdownNow();
		try {
			this.nodes.draining(this.nodeId);
			boolean clean = isManager() ? this.dispatcher.drain(this.properties.stopDeadline())
					: this.worker.drain(this.properties.stopDeadline());
			this.nodes.stopped(this.nodeId);
			log.info("Node drained{}",
					clean ? "; everything it executed stopped at a chunk boundary" : " past its deadline");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before the data source and the job infrastructure it needs. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
