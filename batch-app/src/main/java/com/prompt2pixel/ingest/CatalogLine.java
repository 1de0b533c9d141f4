package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.catalog.CatalogRow;
import com.prompt2pixel.connectors.catalog.InvalidCatalogRowException;

/**
 * One data line of the catalog: a row, or the reason it is not one. The reader hands bad
 * lines on rather than failing, so one bad row never stops an import.
 */
record CatalogLine(CatalogRow row, InvalidCatalogRowException error) {

	static CatalogLine valid(CatalogRow row) {
		return new CatalogLine(row, null);
	}

	static CatalogLine invalid(InvalidCatalogRowException error) {
		return new CatalogLine(null, error);
	}

}
