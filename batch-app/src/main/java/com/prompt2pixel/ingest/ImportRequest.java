package com.prompt2pixel.ingest;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogFormatException;
import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.connectors.catalog.CatalogReader;
import com.prompt2pixel.merchant.Merchants;

/**
 * What to import.
 *
 * @param merchantId the merchant
 * @param file the catalog file: CSV or .xlsx
 * @param options mapping file and sheet
 * @param photoRoot the folder its local image references must lie inside: an upload's own
 * folder; null for the local CLI's, {@code p2p.photos.local-root}
 */
public record ImportRequest(String merchantId, Path file, CatalogOptions options, Path photoRoot) {

	/** A request of the local CLI, whose photos may lie inside its configured root. */
	public ImportRequest(String merchantId, Path file, CatalogOptions options) {
		this(merchantId, file, options, null);
	}

	/**
	 * Checks the request before anything is written: a sane merchant id, and a file with
	 * a usable header and at least one row. Needs no database.
	 * @throws InvalidImportRequestException naming the first problem
	 */
	public void check() {
		try {
			Merchants.checkId(this.merchantId);
			CatalogReader.check(this.file, this.options);
		}
		catch (CatalogFormatException | IllegalArgumentException ex) {
			throw new InvalidImportRequestException(ex.getMessage(), ex);
		}
	}

}
