package com.prompt2pixel.templates;

import java.util.List;

/**
 * The product fields templates may use. Absent values are empty strings or lists, so
 * templates never see nulls.
 *
 * @param sku the merchant's key for the product (SKU or handle)
 * @param title product title
 * @param description plain-text description
 * @param category category path, e.g. {@code Home > Kitchen > Mugs}
 * @param productType product type, e.g. {@code Mug}
 * @param vendor brand or vendor
 * @param tags tags
 */
public record ProductFacts(String sku, String title, String description, String category, String productType,
		String vendor, List<String> tags) {

	public ProductFacts {
		sku = orEmpty(sku);
		title = orEmpty(title);
		description = orEmpty(description);
		category = orEmpty(category);
		productType = orEmpty(productType);
		vendor = orEmpty(vendor);
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
