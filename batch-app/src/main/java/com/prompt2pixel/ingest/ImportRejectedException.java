package com.prompt2pixel.ingest;

/**
 * An import that read its file but imports nothing: too many bad rows, or none good.
 */
class ImportRejectedException extends RuntimeException {

	public ImportRejectedException(String message) {
		super(message);
	}

}
