package com.prompt2pixel.ingest;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogOptions;

/**
 * One import of a catalog file for a merchant, or of a snapshot of its Shopify shop.
 *
 * @param id the {@code catalog_import} id
 * @param merchantId the merchant
 * @param file the catalog file
 * @param options mapping file and sheet, as given
 * @param status QUEUED, RUNNING, COMPLETED or FAILED
 * @param shopifyRead for an import from the Shopify API, how to read the shop into
 * {@code file} (AUTO, PAGED, BULK); null when the file is given
 * @param wholeCatalog whether the file is the whole catalog, so that products missing
 * from it are marked removed; a webhook's one product is not
 * @param photoRoot the folder its local image references must lie inside
 */
public record CatalogImport(long id, String merchantId, Path file, CatalogOptions options, String status,
		String shopifyRead, boolean wholeCatalog, Path photoRoot) {

}
