package com.prompt2pixel.ingest;

/**
 * A catalog or import request that cannot be imported at all; nothing was written.
 */
public class InvalidImportRequestException extends IllegalArgumentException {

	public InvalidImportRequestException(String message) {
		super(message);
	}

	public InvalidImportRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
