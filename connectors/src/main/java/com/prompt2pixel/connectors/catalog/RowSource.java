package com.prompt2pixel.connectors.catalog;

import java.io.Closeable;
import java.util.List;

/**
 * The rows of a spreadsheet-like file as lists of cell texts, streamed: a CSV file or an
 * XLSX sheet. Layouts turn these rows into products.
 */
interface RowSource extends Closeable {

	/**
	 * The next row that has any content, or {@code null} after the last one.
	 * @throws CatalogFormatException when the rest of the file cannot be read
	 */
	List<String> next();

	/**
	 * Where the row last returned starts, as the merchant would find it: the line of a
	 * CSV file or the row of a sheet.
	 */
	long rowNumber();

	/** "line" for text files, "row" for sheets: what {@link #rowNumber()} counts. */
	String rowUnit();

	/**
	 * How the file was read, for the import's record: "CSV (UTF-8, ';')", "XLSX
	 * (Sheet1)".
	 */
	String description();

	@Override
	void close();

}
