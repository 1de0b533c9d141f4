package com.prompt2pixel.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes serve and worker processes nodes of the cluster: at every tick a node heartbeats,
 * recovers runs of dead nodes and takes runs from the queue. Every node ticks on its own
 * (claims are atomic in the database), so runs spread over the nodes. On shutdown
 * (SIGTERM) the node drains first: its runs stop at a chunk boundary within
 * {@code p2p.schedule.stop-deadline}, resumable by the other nodes.
 */
@Component
class DispatchLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

	private final RunDispatcher dispatcher;

	private final ScheduleProperties properties;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	DispatchLoop(RunDispatcher dispatcher, ScheduleProperties properties) {
		this.dispatcher = dispatcher;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.dispatch()) {
			return;
		}
		String node = this.dispatcher.join(this.properties.role());
		log.info("Node {} ({}) takes submitted runs, {} batch and {} on-demand at once", node, this.properties.role(),
				this.properties.concurrentRuns(), this.properties.onDemandRuns());
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
			this.dispatcher.heartbeat();
			this.dispatcher.recoverOrphans();
			this.dispatcher.dispatch();
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
			boolean clean = this.dispatcher.drain(this.properties.stopDeadline());
			log.info("Node drained{}", clean ? "; every run stopped at a chunk boundary" : " past its deadline");
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
