package com.prompt2pixel.connectors.catalog;

/**
 * One row that cannot be imported; the rest of the catalog can. Names the line, the
 * column and the reason.
 */
public class InvalidCatalogRowException extends RuntimeException {

	private final long line;

	private final String column;

	public InvalidCatalogRowException(long line, String column, String reason) {
		super("line " + line + ", column '" + column + "': " + reason);
		this.line = line;
		this.column = column;
	}

	public long line() {
		return this.line;
	}

	public String column() {
		return this.column;
	}

}
