package com.prompt2pixel.run;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.ingest.ImportRequest;

import java.nio.file.Path;

/**
 * What to run.
 *
 * @param merchantId the merchant whose catalog it is
 * @param catalogFile the catalog file
 * @param templateSet the scene-template set, or null to match each product to its
 * vertical
 * @param variants variants per scene, or null for each scene's own
 * @param outDir the folder to publish into; null for {@code out/run-<id>}
 * @param catalogOptions mapping file and sheet for reading the catalog
 * @param photoRoot the folder the catalog's local image references must lie inside; null
 * for the local CLI's ({@code p2p.photos.local-root})
 * @param publishTo the merchant's publish targets the run publishes to, comma-separated
 * ({@code folder,s3}); null for all of them
 */
public record RunRequest(String merchantId, Path catalogFile, String templateSet, Integer variants, Path outDir,
		CatalogOptions catalogOptions, Path photoRoot, String publishTo) {

	/** A request that publishes to all of the merchant's targets. */
	public RunRequest(String merchantId, Path catalogFile, String templateSet, Integer variants, Path outDir,
			CatalogOptions catalogOptions, Path photoRoot) {
		this(merchantId, catalogFile, templateSet, variants, outDir, catalogOptions, photoRoot, null);
	}

	/** A request of the local CLI. */
	public RunRequest(String merchantId, Path catalogFile, String templateSet, Integer variants, Path outDir,
			CatalogOptions catalogOptions) {
		this(merchantId, catalogFile, templateSet, variants, outDir, catalogOptions, null);
	}

	/** A request whose catalog is read as detected. */
	public RunRequest(String merchantId, Path catalogFile, String templateSet, Integer variants, Path outDir) {
		this(merchantId, catalogFile, templateSet, variants, outDir, CatalogOptions.DETECT);
	}

	/** The same request, publishing to the targets named ({@code folder,s3}). */
	public RunRequest withPublishTo(String targets) {
		return new RunRequest(this.merchantId, this.catalogFile, this.templateSet, this.variants, this.outDir,
				this.catalogOptions, this.photoRoot, targets);
	}

	/** The import of the run's catalog. */
	public ImportRequest importRequest() {
		return new ImportRequest(this.merchantId, this.catalogFile, this.catalogOptions, this.photoRoot);
	}

}
