package com.prompt2pixel.run;

/**
 * Where a run ({@code generation_run.status}) stands; stored and reported by name.
 */
public enum RunStatus {

	/** Created, or submitted and waiting for a manager. */
	QUEUED,

	/** Submitted to a pool whose generation window is closed. */
	WAITING_WINDOW,

	RUNNING,

	/**
	 * Asked to stop at its next chunk boundary (its window closed, its node is shutting
	 * down, or it was asked to stop or cancel).
	 */
	STOPPING,

	/** Stopped at a chunk boundary: resumable. */
	STOPPED,

	COMPLETED,

	FAILED,

	/** Cancelled on request: ended for good, neither resumed nor billed further. */
	CANCELLED;

	/** Whether the stored or reported status is this one. */
	public boolean is(String status) {
		return name().equals(status);
	}

}
