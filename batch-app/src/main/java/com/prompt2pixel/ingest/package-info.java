/**
 * {@code ingestCatalogStep}: the run's catalog file becomes product rows, upserted by
 * merchant and source key, each with a content hash so later runs can tell what changed.
 */
package com.prompt2pixel.ingest;
