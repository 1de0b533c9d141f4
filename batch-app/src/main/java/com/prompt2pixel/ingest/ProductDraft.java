package com.prompt2pixel.ingest;

import java.util.List;

/**
 * A product ready to upsert.
 *
 * @param sourceKey the merchant's key
 * @param title title
 * @param description plain-text description
 * @param category category path
 * @param productType product type
 * @param tags tags
 * @param vendor vendor
 * @param imageUrl absolute URI of the product photo
 * @param imageSha256 hex SHA-256 of the photo's bytes
 * @param contentHash hash over everything that affects the product's imagery
 */
record ProductDraft(String sourceKey, String title, String description, String category, String productType,
		List<String> tags, String vendor, String imageUrl, String imageSha256, String contentHash) {

}
