package com.prompt2pixel.ingest;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogOptions;

/**
 * One import of a catalog file for a merchant.
 *
 * @param id the {@code catalog_import} id
 * @param merchantId the merchant
 * @param file the catalog file
 * @param options mapping file and sheet, as given
 * @param status QUEUED, RUNNING, COMPLETED or FAILED
 */
public record CatalogImport(long id, String merchantId, Path file, CatalogOptions options, String status) {

}
