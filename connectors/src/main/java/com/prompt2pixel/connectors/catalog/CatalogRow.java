package com.prompt2pixel.connectors.catalog;

import java.util.List;

/**
 * One product as the catalog states it, trimmed; optional fields are empty.
 *
 * @param line the line of the file the row starts on (the header is line 1)
 * @param sourceKey the merchant's key: SKU, handle or id
 * @param title product title
 * @param description description as plain text (HTML removed)
 * @param category category path, e.g. {@code Home > Kitchen}
 * @param productType product type, e.g. {@code Mug}
 * @param tags tags, from a comma-separated cell
 * @param vendor vendor or brand
 * @param image the image reference as written: a URL or a path relative to the catalog
 * file
 */
public record CatalogRow(long line, String sourceKey, String title, String description, String category,
		String productType, List<String> tags, String vendor, String image) {

}
