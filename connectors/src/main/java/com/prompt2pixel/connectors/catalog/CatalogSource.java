package com.prompt2pixel.connectors.catalog;

/**
 * One kind of catalog file as {@link CatalogReader} reads it: a table (CSV, XLSX) or a
 * Shopify product snapshot (JSONL).
 */
interface CatalogSource extends AutoCloseable {

	/** The next product or row problem; null after the last. */
	CatalogEntry next();

	/** Whether any product or problem is left to read; consumes nothing. */
	boolean hasMore();

	/** Rows (or lines) read so far. */
	long rowsRead();

	/** How the file was understood, for the import's record. */
	String format();

	/**
	 * The merchant's name of the column photos come from ({@code Bild},
	 * {@code Image Src}), for the error report's problems with photos.
	 */
	String imageColumn();

	@Override
	void close();

}
