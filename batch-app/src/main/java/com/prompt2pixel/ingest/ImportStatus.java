package com.prompt2pixel.ingest;

/**
 * Where an import ({@code catalog_import.status}) stands; stored and reported by name.
 */
public enum ImportStatus {

	/** Recorded; for an HTTP upload or webhook, waiting in the import queue. */
	QUEUED,

	RUNNING,

	COMPLETED,

	/** Stopped by a problem it names; resumable once that is mended. */
	FAILED;

	/** Whether the stored or reported status is this one. */
	public boolean is(String status) {
		return name().equals(status);
	}

}
