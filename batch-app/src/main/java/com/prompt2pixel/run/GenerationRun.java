package com.prompt2pixel.run;

import java.nio.file.Path;

/**
 * One run of {@code catalogImageJob} for one merchant's catalog.
 *
 * @param id run id, also the job's identifying parameter {@code run.id}
 * @param merchantId the merchant
 * @param status QUEUED, WAITING_WINDOW, RUNNING, STOPPING, STOPPED (resumable), COMPLETED
 * or FAILED
 * @param catalogFile the catalog being imported; null for an on-demand generation
 * @param templateSet the scene-template set, or null to match each product to its
 * vertical
 * @param variants variants per scene, or null for each scene's own
 * @param outDir the folder the run publishes into
 * @param importId the run's catalog import; null for an on-demand generation, which has
 * none
 * @param kind UPLOAD, NIGHTLY, ON_DEMAND (an on-demand generation), RETRY (another run's
 * failed tasks again) or REGENERATE (images reviewers sent back, with new seeds)
 * @param publishTo the merchant's publish targets it publishes to ({@code folder,s3});
 * null for all of them
 */
public record GenerationRun(long id, String merchantId, String status, Path catalogFile, String templateSet,
		Integer variants, Path outDir, Long importId, String kind, String publishTo) {

	/** The kind of an on-demand generation's run. */
	public static final String ON_DEMAND = "ON_DEMAND";

	/** The kind of a run that renders again another run's failed tasks. */
	public static final String RETRY = "RETRY";

	/**
	 * The kind of a run that renders again, with new seeds, images reviewers sent back.
	 */
	public static final String REGENERATE = "REGENERATE";

	/**
	 * Whether it renders images reviewers sent back: its tasks are made when they are
	 * sent back, so its job starts at generation.
	 */
	public boolean isRegeneration() {
		return REGENERATE.equals(this.kind);
	}

	/** Whether it renders again another run's failed tasks, copied from that run. */
	public boolean isRetry() {
		return RETRY.equals(this.kind);
	}

	/** Whether it is an on-demand generation, planned from its request, not a catalog. */
	public boolean isGeneration() {
		return ON_DEMAND.equals(this.kind);
	}

}
