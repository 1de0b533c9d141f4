package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One product as the catalog states it, whatever the file's layout, trimmed; optional
 * text is empty. A WooCommerce variation is an entry of its own that names its parent
 * ({@link #parentKey}); the import folds it into that product.
 *
 * @param row where the product starts in the file
 * @param sourceKey the merchant's key: Shopify handle, SKU, or {@code id:<ID>}
 * @param altKey another key variations may use for this product ({@code id:<ID>}), or
 * null
 * @param parentKey for a variation, its product's key; null for a product
 * @param title title
 * @param description description as plain text (HTML removed)
 * @param vendor vendor or brand
 * @param productType product type, e.g. {@code Mug}
 * @param category category path, e.g. {@code Home > Kitchen}
 * @param tags tags
 * @param options option names and their values, e.g. {@code Color: Red, Blue; Size: S}
 * @param variantCount how many variants the rows describe (at least 1 for a product)
 * @param price the lowest variant price, or null when none is given
 * @param imageUrls image references as written (URLs or paths relative to the file),
 * primary first
 * @param sizeCm the product's largest stated dimension in centimetres (a dimensions
 * column, or WooCommerce's length, width and height), or null when the catalog states
 * none: scenes draw the product to scale from it
 */
public record CatalogProduct(long row, String sourceKey, String altKey, String parentKey, String title,
		String description, String vendor, String productType, String category, List<String> tags, String options,
		int variantCount, BigDecimal price, List<String> imageUrls, Double sizeCm) {

	public boolean isVariation() {
		return this.parentKey != null;
	}

}
