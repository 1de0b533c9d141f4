package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.catalog.CatalogEntry;

/**
 * A product or row problem with the number of file rows it took, so that the rows read
 * are counted in the chunk that stages them (and rolled back with it).
 *
 * @param entry the product or problem
 * @param rows data rows consumed since the previous entry
 */
record StagedEntry(CatalogEntry entry, long rows) {

}
