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

	/** Asked to stop at its next chunk boundary (its window closed). */
	STOPPING,

	/** Stopped at a chunk boundary: resumable. */
	STOPPED,

	COMPLETED,

	FAILED;

	/** Whether the stored or reported status is this one. */
	public boolean is(String status) {
		return name().equals(status);
	}

}
