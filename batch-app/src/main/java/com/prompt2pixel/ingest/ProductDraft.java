package com.prompt2pixel.ingest;

/**
 * A product ready to upsert.
 *
 * @param sourceKey the merchant's key
 * @param title title
 * @param description plain-text description
 * @param category category
 * @param vendor vendor
 * @param imageUrl absolute URI of the product photo
 * @param contentHash hash over everything that affects the product's imagery
 */
record ProductDraft(String sourceKey, String title, String description, String category, String vendor, String imageUrl,
		String contentHash) {

}
