package com.prompt2pixel.run;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a run did, as the CLI prints it and the API returns it.
 *
 * @param run run id
 * @param status QUEUED, WAITING_WINDOW, RUNNING, STOPPING, STOPPED (resumable), COMPLETED
 * or FAILED
 * @param products products the run renders (those of its catalog with a usable photo),
 * fixed once its tasks exist
 * @param images images generated in this run (billed, but for a regeneration's)
 * @param cached tasks that reused an image the merchant had already paid for
 * @param blocked tasks the prompt policy blocked
 * @param rejected images rejected in review
 * @param needsReview images held for human review (by the automatic checks or the
 * merchant's review policy), not decided yet
 * @param regenerated images a reviewer sent back, each rendered again by a regeneration
 * run
 * @param failed tasks that could not be rendered
 * @param published images published, reused ones included
 * @param skipped catalog rows skipped, each in the error report
 * @param errorReport path of the import's error report CSV (an XLSX lies beside it), or
 * null when no row was skipped
 * @param backend the backends that made the run's images ({@code djl},
 * {@code compositor}; comma-separated when several), or null before any image
 * @param invoiceTotal the run's invoice total, or null before it is billed
 * @param currency the invoice currency
 * @param out the folder the run publishes into
 * @param elapsedMillis wall time from the run's first start to its end (or now)
 * @param failure why the run failed, or null
 * @param targets per publish target of the merchant ({@code s3}, {@code folder}): its
 * images {@code published}, {@code failed} and {@code reverted}; empty when the run
 * published to none
 * @param checks per automatic check ({@code fidelity}, {@code cutout}, {@code quality},
 * {@code safety}): the images it {@code passed}, {@code tripped} (held for review) and
 * did {@code not_run} on; empty before moderation
 */
@JsonPropertyOrder({ "run", "status", "products", "images", "cached", "blocked", "rejected", "needs_review",
		"regenerated", "failed", "published", "skipped", "error_report", "backend", "invoice_total", "currency", "out",
		"elapsed_ms", "failure", "targets", "checks" })
public record RunSummary(long run, String status, long products, long images, long cached, long blocked, long rejected,
		@JsonProperty("needs_review") long needsReview, long regenerated, long failed, long published, long skipped,
		@JsonProperty("error_report") String errorReport, String backend,
		@JsonProperty("invoice_total") String invoiceTotal, String currency, String out,
		@JsonProperty("elapsed_ms") long elapsedMillis, String failure, Map<String, Map<String, Long>> targets,
		Map<String, Map<String, Long>> checks) {

	/**
	 * The summary as a merchant sees it over the API: the server's folders are none of
	 * its business, so {@code out} is left out and the error report is its download link.
	 * @param errorReportUrl where the import's error report is downloaded
	 * @param failureInWords the failure with the server's paths taken out
	 */
	public RunSummary forMerchant(String errorReportUrl, String failureInWords) {
		return new RunSummary(this.run, this.status, this.products, this.images, this.cached, this.blocked,
				this.rejected, this.needsReview, this.regenerated, this.failed, this.published, this.skipped,
				(this.errorReport != null) ? errorReportUrl : null, this.backend, this.invoiceTotal, this.currency,
				null, this.elapsedMillis, failureInWords, this.targets, this.checks);
	}

}
