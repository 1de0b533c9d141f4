package com.prompt2pixel.ingest;

/**
 * A product's photo, fetched: its checksum, or why it could not be read.
 *
 * @param productId the product
 * @param row where the product starts in the catalog
 * @param imageSha256 hex SHA-256 of the photo, or null
 * @param problem why the photo could not be read, or null
 * @param matteMethod how a run would cut the product out, or null when the photo could
 * not be read
 * @param matteConfidence that cut's confidence, or null
 * @param warning the import report's warning about the cut, or null
 */
record PhotoCheck(long productId, long row, String imageSha256, String problem, String matteMethod,
		Double matteConfidence, String warning) {

	static PhotoCheck unreadable(long productId, long row, String problem) {
		return new PhotoCheck(productId, row, null, problem, null, null, null);
	}

}
