package com.prompt2pixel.ingest;

/**
 * An upload that would take a merchant's kept uploads over {@code p2p.upload.quota}; it
 * was not kept.
 */
public class UploadQuotaExceededException extends RuntimeException {

	public UploadQuotaExceededException(String message) {
		super(message);
	}

}
