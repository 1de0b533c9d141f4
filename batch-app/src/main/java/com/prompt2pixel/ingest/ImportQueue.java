package com.prompt2pixel.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The imports that arrive over HTTP (uploads, webhooks), kept in PostgreSQL: the
 * {@code catalog_import} row is the queue entry ({@link CatalogImports#enqueue}), so an
 * upload answered 202 survives a crash of the process that answered. Every manager node
 * takes entries in order of arrival, one at a time, on a thread of its own; at every tick
 * of its dispatch loop it also adopts the entries of nodes that died (an import left
 * running by a killed process is recovered and resumed after its last committed batch).
 * One at a time per node since an import takes seconds and merges take turns anyway.
 */
@Component
@Order(3)
class ImportQueue implements NodeDuty, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	/** What a process that is no node records as the taker of its own entries. */
	private static final String PROCESS = "process-" + ProcessHandle.current().pid();

	/** Made at each start: a stopped context (a test's, paused) may be started again. */
	private volatile ExecutorService executor;

	private final CatalogImports imports;

	private final ImportJobs jobs;

	/** A drain is queued or running on the executor. */
	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile String nodeId;

	private volatile boolean running;

	ImportQueue(CatalogImports imports, ImportJobs jobs) {
		this.imports = imports;
		this.jobs = jobs;
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.MANAGER;
	}

	/** This process takes queued imports, as the node of that id. */
	@Override
	public void join(String nodeId) {
		this.nodeId = nodeId;
		log.info("Node {} takes queued catalog imports", nodeId);
		wake();
	}

	/**
	 * One look at the queue: the entries of dead nodes are adopted, then waiting ones
	 * taken. Called on every tick of a manager's dispatch loop.
	 */
	@Override
	public void tick(Duration deadAfter) {
		String node = this.nodeId;
		if (node == null || !this.running) {
			return;
		}
		for (Map.Entry<Long, String> orphan : this.imports.orphans(deadAfter)) {
			long id = orphan.getKey();
			if (this.imports.adopt(id, orphan.getValue(), node)) {
				log.warn("Import {} lost its node {}; it resumes after its last committed batch", id,
						orphan.getValue());
				try {
					this.executor.execute(() -> resume(id));
				}
				catch (RejectedExecutionException ex) {
					// stopping meanwhile: adopted by this node, whose death hands it on
					return;
				}
			}
		}
		wake();
	}

	/**
	 * Makes the import a queue entry; taken once the caller's transaction commits. A
	 * process that is no node of the cluster ({@code p2p.schedule.dispatch} off) takes
	 * its own entries itself, as it did before the queue was kept in the database: no
	 * other process adopts them if it dies.
	 */
	void enqueue(long importId) {
		this.imports.enqueue(importId);
		Runnable take = (this.nodeId != null) ? this::wake : () -> takeOwn(importId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					take.run();
				}

			});
		}
		else {
			take.run();
		}
	}

	private void takeOwn(long importId) {
		if (!this.running || !this.imports.take(importId, PROCESS)) {
			return;
		}
		try {
			this.executor.execute(() -> execute(importId));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Import {} was queued while this process stopped; resume it with resume-import", importId);
		}
	}

	/**
	 * Takes waiting entries one after the other, unless a drain is already on its way.
	 */
	private void wake() {
		if (this.nodeId == null || !this.running || !this.draining.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// stopping: the entries wait in the database for another node
			this.draining.set(false);
		}
	}

	private void drain() {
		try {
			Long id;
			while (this.running && (id = this.imports.takeNext(this.nodeId)) != null) {
				execute(id);
			}
		}
		catch (RuntimeException ex) {
			// the next tick looks again; a database away for a while is not fatal
			log.warn("Taking queued imports failed: {}", ex.getMessage());
		}
		finally {
			this.draining.set(false);
		}
	}

	private void resume(long id) {
		try {
			this.jobs.recoverAbandoned(id);
		}
		catch (RuntimeException ex) {
			log.warn("Import {} could not be recovered: {}", id, ex.getMessage());
			return;
		}
		execute(id);
	}

	private void execute(long id) {
		try {
			this.jobs.execute(id);
		}
		catch (RuntimeException ex) {
			// the job records its own failures; this is one it could not record
			log.error("import {} failed", id, ex);
			this.imports.failed(id, ImportFailureListener.reason(ex));
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "catalog-import");
			thread.setDaemon(true);
			return thread;
		});
		this.draining.set(false);
		this.running = true;
	}

	/**
	 * Before the node is marked stopped ({@code DispatchLoop} stops after this): an
	 * import still running then is left to the other nodes only once this one has given
	 * up on it.
	 */
	@Override
	public void stop() {
		this.running = false;
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("An import is still running at shutdown; another node resumes it once this one is gone");
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 500;
	}

}
