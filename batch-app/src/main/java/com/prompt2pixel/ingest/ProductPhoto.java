package com.prompt2pixel.ingest;

/**
 * An imported product's primary photo, to be checked.
 *
 * @param productId the product
 * @param row where the product starts in the catalog
 * @param imageUrl the photo's absolute address
 */
record ProductPhoto(long productId, long row, String imageUrl) {

}
