package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.catalog.CatalogEntry;

/**
 * A product or row problem on its way into staging.
 *
 * @param entry the product or problem
 * @param rows data rows the reader consumed for it, so that the rows read are counted in
 * the chunk that stages them (and rolled back with it)
 * @param contentHash for a product, the hash of everything that changes its imagery
 * ({@link ContentHash}); null until the processor sets it
 */
record StagedEntry(CatalogEntry entry, long rows, String contentHash) {

}
