package com.prompt2pixel.queue;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.run.RunRepository.Hold;
import com.prompt2pixel.run.RunRepository.HeldStatus;
import com.prompt2pixel.run.RunStateException;
import com.prompt2pixel.run.RunStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stop, resume, cancel and raise of a submitted run, wherever it is: waiting (it changes
 * at once), or executing on any node (it is asked to stop at its next chunk boundary
 * through the job repository, which every node reads). Each decides under a lock on the
 * run's row, so a dispatcher claiming the run meanwhile either sees the hold or is seen
 * by it; one claimed just before the hold stops as its job starts.
 */
@Service
public class RunControls {

	private final RunRepository repository;

	private final CatalogRuns runs;

	private final RunDispatcher dispatcher;

	RunControls(RunRepository repository, CatalogRuns runs, RunDispatcher dispatcher) {
		this.repository = repository;
		this.runs = runs;
		this.dispatcher = dispatcher;
	}

	/**
	 * Holds the run until it is resumed: one waiting is stopped at once, one executing at
	 * its next chunk boundary; no window opening starts it again.
	 * @throws RunStateException when it has ended or is being cancelled
	 */
	@Transactional
	public void stop(long runId) {
		HeldStatus run = lock(runId);
		refuseWhenCancelling(runId, run);
		switch (run.status()) {
			case QUEUED, WAITING_WINDOW, STOPPED, STOPPING -> this.repository.hold(runId, Hold.STOP);
			case RUNNING -> {
				this.repository.hold(runId, Hold.STOP);
				this.runs.stop(runId);
			}
			default -> throw new RunStateException("run " + runId + " is " + run.status()
					+ "; only a queued, waiting, running or stopped run can be stopped");
		}
	}

	/**
	 * Lets the queue take the run again: a stopped one resumes from its last committed
	 * chunk, a failed one restarts where it failed (a batch run inside its window).
	 * @throws RunStateException when it is neither stopped, failed nor held
	 */
	@Transactional
	public void resume(long runId) {
		HeldStatus run = lock(runId);
		refuseWhenCancelling(runId, run);
		boolean resumable = switch (run.status()) {
			case STOPPED, FAILED -> true;
			// asked to stop and not stopped yet: it carries on being resumable
			case QUEUED, WAITING_WINDOW, RUNNING, STOPPING -> run.hold() == Hold.STOP;
			default -> false;
		};
		if (!resumable) {
			throw new RunStateException(
					"run " + runId + " is " + run.status() + "; only a stopped or failed run can be resumed");
		}
		this.repository.release(runId);
		nudgeAfterCommit();
	}

	/**
	 * Ends the run for good as CANCELLED: one not executing at once, one executing at its
	 * next chunk boundary. What it rendered stays unpublished and unbilled.
	 * @throws RunStateException when it has already completed or been cancelled
	 */
	@Transactional
	public void cancel(long runId) {
		HeldStatus run = lock(runId);
		switch (run.status()) {
			case QUEUED, WAITING_WINDOW, STOPPED, FAILED -> this.repository.cancel(runId);
			case RUNNING -> {
				this.repository.hold(runId, Hold.CANCEL);
				this.runs.stop(runId);
			}
			case STOPPING -> this.repository.hold(runId, Hold.CANCEL);
			default -> throw new RunStateException(
					"run " + runId + " is " + run.status() + "; a completed or cancelled run cannot be cancelled");
		}
	}

	/**
	 * Moves a waiting run to the front of its lane, ahead of paid plans and older runs:
	 * it starts as soon as its lane has room (a batch run still inside its pool's
	 * window).
	 * @throws RunStateException when it is not waiting to start, or is held
	 */
	@Transactional
	public void raise(long runId) {
		HeldStatus run = lock(runId);
		refuseWhenCancelling(runId, run);
		boolean waiting = switch (run.status()) {
			case QUEUED, WAITING_WINDOW, STOPPED -> run.hold() == null;
			default -> false;
		};
		if (!waiting) {
			throw new RunStateException("run " + runId + " is " + run.status()
					+ ((run.hold() == Hold.STOP) ? " and held (resume it first)" : "")
					+ "; only a run waiting to start can be raised");
		}
		this.repository.raise(runId);
		nudgeAfterCommit();
	}

	private HeldStatus lock(long runId) {
		return this.repository.lockForControl(runId)
			.orElseThrow(() -> new RunStateException("run " + runId
					+ " was not submitted to the queue (the CLI ran it in place), so it cannot be controlled here"));
	}

	private static void refuseWhenCancelling(long runId, HeldStatus run) {
		if (run.hold() == Hold.CANCEL && run.status() != RunStatus.CANCELLED) {
			throw new RunStateException("run " + runId + " is being cancelled");
		}
	}

	private void nudgeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				RunControls.this.dispatcher.nudge();
			}

		});
	}

}
