package com.prompt2pixel.connectors.catalog;

/**
 * One row that cannot be imported; the rest of the catalog can. Layouts throw it, the
 * reader turns it into a {@link RowProblem}.
 */
class InvalidCatalogRowException extends RuntimeException {

	private final transient RowProblem problem;

	InvalidCatalogRowException(long row, String column, String reason) {
		super(new RowProblem(row, column, reason).message());
		this.problem = new RowProblem(row, column, reason);
	}

	RowProblem problem() {
		return this.problem;
	}

}
