package com.prompt2pixel.ingest;

/**
 * What an import did, as the CLI prints it and the API returns it.
 *
 * @param id the import
 * @param status COMPLETED or FAILED (QUEUED or RUNNING while it runs)
 * @param format how the file was understood, e.g. {@code shopify, CSV (UTF-8, ',')}
 * @param rows data rows read
 * @param products products imported (new + changed + unchanged)
 * @param created products seen for the first time
 * @param changed products whose imagery-relevant content changed
 * @param unchanged products as they were
 * @param removed products of the merchant no longer in the source
 * @param skipped rows skipped, each in the error report
 * @param errorReport path of the error report CSV (an XLSX lies beside it), or null
 * @param elapsedMs time from start to end
 * @param message why it failed, or null
 */
public record ImportSummary(long id, String status, String format, long rows, long products, long created, long changed,
		long unchanged, long removed, long skipped, String errorReport, long elapsedMs, String message) {

}
