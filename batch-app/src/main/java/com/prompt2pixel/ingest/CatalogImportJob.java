package com.prompt2pixel.ingest;

/**
 * Names of {@code catalogImportJob} and of the ingest steps that {@code catalogImageJob}
 * shares with it.
 */
public final class CatalogImportJob {

	public static final String NAME = "catalogImportJob";

	/**
	 * The {@code catalog_import} id: identifying for this job, carried along by a run.
	 */
	public static final String IMPORT_ID = "import.id";

	static final String IMPORT_ID_PARAMETER = "#{jobParameters['import.id']}";

	/**
	 * Reads a Shopify shop into the import's snapshot file; nothing for a file import.
	 */
	public static final String FETCH_CATALOG_STEP = "fetchCatalogStep";

	/** Reads the file into {@code catalog_import_row}, problems into the error table. */
	public static final String STAGE_CATALOG_STEP = "stageCatalogStep";

	/** Applies the skip limit, then upserts the staged products in one transaction. */
	public static final String MERGE_CATALOG_STEP = "mergeCatalogStep";

	/** Fetches each imported product's photo and records its checksum (runs only). */
	public static final String CHECK_PHOTOS_STEP = "checkPhotosStep";

	/** Writes the error report the merchant downloads. */
	public static final String WRITE_IMPORT_REPORT_STEP = "writeImportReportStep";

	private CatalogImportJob() {
	}

}
