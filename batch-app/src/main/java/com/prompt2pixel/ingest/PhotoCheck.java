package com.prompt2pixel.ingest;

/**
 * A product's photo, fetched: its checksum, or why it could not be read.
 *
 * @param productId the product
 * @param row where the product starts in the catalog
 * @param imageSha256 hex SHA-256 of the photo, or null
 * @param problem why the photo could not be read, or null
 */
record PhotoCheck(long productId, long row, String imageSha256, String problem) {

}
