package com.prompt2pixel.cluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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

	private final ObjectProvider<NodeDuty> duties;

	private final Nodes nodes;

	private final ScheduleProperties properties;

	/** This node's duties, in their order; chosen by its role at start. */
	private volatile List<NodeDuty> mine = List.of();

	private ScheduledExecutorService ticker;

	private volatile String nodeId;

	private volatile boolean running;

	DispatchLoop(ObjectProvider<NodeDuty> duties, Nodes nodes, ScheduleProperties properties) {
		this.duties = duties;
		this.nodes = nodes;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.dispatch()) {
			return;
		}
		ScheduleProperties.Role role = this.properties.role();
		this.nodeId = this.nodes.register(role.label());
		this.mine = this.duties.orderedStream().filter((duty) -> duty.role() == role).toList();
		for (NodeDuty duty : this.mine) {
			duty.join(this.nodeId);
		}
		if (role == ScheduleProperties.Role.MANAGER) {
			log.info("Node {} (manager) takes submitted runs, {} batch and {} on-demand at once", this.nodeId,
					this.properties.concurrentRuns(), this.properties.onDemandRuns());
		}
		else {
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

	private void tick() {
		try {
			this.nodes.heartbeat(this.nodeId);
			for (NodeDuty duty : this.mine) {
				duty.tick(this.properties.deadAfter());
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
			boolean clean = true;
			for (NodeDuty duty : this.mine) {
				clean &= duty.drain(this.properties.stopDeadline());
			}
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
