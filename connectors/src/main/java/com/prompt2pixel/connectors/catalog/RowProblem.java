package com.prompt2pixel.connectors.catalog;

/**
 * Why one row was skipped, for the merchant's error report.
 *
 * @param row the line (CSV) or row (XLSX) the problem is on
 * @param column the column's name as the file writes it, or empty for the whole row
 * @param reason what is wrong, in words a merchant can act on
 */
public record RowProblem(long row, String column, String reason) {

	public String message() {
		return "row " + this.row + (this.column.isEmpty() ? "" : ", column '" + this.column + "'") + ": " + this.reason;
	}

}
