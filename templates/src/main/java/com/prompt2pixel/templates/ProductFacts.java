package com.prompt2pixel.templates;

/**
 * The product fields a prompt template may use. Every field is a plain string; absent
 * values are empty strings, so templates never see nulls.
 *
 * @param sku the merchant's key for the product (SKU or handle)
 * @param title product title
 * @param description plain-text description (HTML already removed)
 * @param category category or product type
 * @param vendor brand or vendor
 */
public record ProductFacts(String sku, String title, String description, String category, String vendor) {

	public ProductFacts {
		sku = orEmpty(sku);
		title = orEmpty(title);
		description = orEmpty(description);
		category = orEmpty(category);
		vendor = orEmpty(vendor);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
