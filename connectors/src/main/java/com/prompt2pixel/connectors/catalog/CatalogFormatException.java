package com.prompt2pixel.connectors.catalog;

/**
 * A catalog that cannot be imported at all: missing, empty, not text, or without the
 * columns an import needs. The message is one line that names the file and the problem.
 */
public class CatalogFormatException extends RuntimeException {

	public CatalogFormatException(String message) {
		super(message);
	}

	public CatalogFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
