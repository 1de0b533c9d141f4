package com.prompt2pixel.connectors.catalog;

import java.util.List;

/**
 * One row of the file with its number as the merchant finds it.
 *
 * @param number the line (CSV) or row (XLSX) it starts on
 * @param cells its cells, in header order
 */
record Line(long number, List<String> cells) {

	/** The trimmed cell in {@code column}; empty when the column is absent or -1. */
	String cell(int column) {
		if (column < 0 || column >= this.cells.size()) {
			return "";
		}
		return this.cells.get(column).strip();
	}

}
