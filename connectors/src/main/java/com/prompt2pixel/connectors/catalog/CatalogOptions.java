package com.prompt2pixel.connectors.catalog;

import java.nio.file.Path;

/**
 * How to read a catalog file when detection is not enough.
 *
 * @param mapping a column mapping file ({@code field = Column name} per line), or null to
 * map the header by its names
 * @param sheet the sheet of a workbook to read, or null for the first sheet with data
 */
public record CatalogOptions(Path mapping, String sheet) {

	public static final CatalogOptions DETECT = new CatalogOptions(null, null);

}
