package com.prompt2pixel.connectors.catalog;

/**
 * Bounds that keep a hostile or broken file from exhausting memory or filling the
 * database with junk. Real catalogs stay far inside them.
 */
final class CatalogLimits {

	/** Excel's own limit for one cell. */
	static final int MAX_CELL_CHARS = 32_767;

	/** The most columns a header may have; Shopify's export has about 50. */
	static final int MAX_COLUMNS = 1_000;

	/** What the CSV parser accepts before the header check can say "too many columns". */
	static final int MAX_PARSED_COLUMNS = 20_000;

	/** How many rows above the header (titles, notes) a file may have. */
	static final int HEADER_SEARCH_ROWS = 20;

	private CatalogLimits() {
	}

}
