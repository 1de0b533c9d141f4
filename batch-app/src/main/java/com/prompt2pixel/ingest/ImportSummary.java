package com.prompt2pixel.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param note what the import's reading says beside its counts (a Shopify shop read page
 * by page because bulk operations were refused), or null
 */
public record ImportSummary(long id, String status, String format, long rows, long products, long created, long changed,
		long unchanged, long removed, long skipped, String errorReport, long elapsedMs, String message, String note) {

	/** The summary as the CLI prints it and the API returns it. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("import", this.id);
		json.put("status", this.status);
		json.put("format", this.format);
		json.put("rows", this.rows);
		json.put("products", this.products);
		json.put("new", this.created);
		json.put("changed", this.changed);
		json.put("unchanged", this.unchanged);
		json.put("removed", this.removed);
		json.put("skipped", this.skipped);
		json.put("error_report", this.errorReport);
		json.put("elapsed_ms", this.elapsedMs);
		json.put("message", this.message);
		json.put("note", this.note);
		return json;
	}

}
