package com.prompt2pixel.moderate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.prompt2pixel.billing.ImageCredits;
import com.prompt2pixel.publish.RunUnpublishing;
import com.prompt2pixel.task.TaskStateUpdates;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A merchant's report of a published image ({@code image_report}, owned here). In one
 * transaction the image goes back to review ({@code REPORTED: <reason>}), and so does
 * every other task showing the same render (a render reused from the cache is the same
 * picture, possibly the same S3 object), and its charge is credited; then each of them is
 * taken down from every destination it reached, the run's own folder and manifest
 * included. Reporting again is harmless: nothing is moved or credited twice, and what an
 * earlier report could not take down (a target that failed) is tried again.
 */
@Service
public class ImageReports {

	/**
	 * States of an image a report took down already, waiting for review or decided: a
	 * report again is answered, and finishes what the first could not remove.
	 */
	private static final Set<String> DOWN = Set.of("NEEDS_REVIEW", "REJECTED", "REGENERATED");

	private final JdbcTemplate jdbc;

	private final TaskStateUpdates updates;

	private final ImageCredits credits;

	private final RunUnpublishing unpublishing;

	private final TransactionTemplate transaction;

	ImageReports(JdbcTemplate jdbc, TaskStateUpdates updates, ImageCredits credits, RunUnpublishing unpublishing,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.updates = updates;
		this.credits = credits;
		this.unpublishing = unpublishing;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * What a report did.
	 *
	 * @param image the reported image's task
	 * @param state its state now
	 * @param tookDown whether this report took it down (false: it was down already)
	 * @param images the tasks taken down with it, itself first (the same render)
	 * @param removed files and objects removed from destinations now
	 * @param credited the amount credited now, or null (credited before, or never billed)
	 */
	@JsonPropertyOrder({ "image", "state", "took_down", "images", "removed", "credited" })
	public record Report(long image, String state, @JsonProperty("took_down") boolean tookDown, List<Long> images,
			int removed, BigDecimal credited) {
	}

	/**
	 * @param merchantId the reporting merchant: another merchant's image is not there
	 * @throws IllegalArgumentException without a reason, or one over 500 characters
	 * @throws NoSuchElementException for an image the merchant does not have
	 * @throws ReviewConflictException for an image that was never published (still
	 * rendering or being moderated, blocked, failed)
	 */
	public Report report(long taskId, String merchantId, String reason) {
		String trimmed = Reasons.required(reason, "a report needs a reason");
		Offline offline = this.transaction.execute((status) -> takeOffline(taskId, merchantId, trimmed));
		int removed = 0;
		for (long image : offline.images()) {
			removed += this.unpublishing.takeDown(image).removed();
		}
		String state = this.jdbc.queryForObject("SELECT state FROM render_task WHERE id = ?", String.class, taskId);
		return new Report(taskId, state, offline.tookDown(), offline.images(), removed, offline.credited());
	}

	/** The tasks of the render, whether the report took any down, the credit. */
	private record Offline(List<Long> images, boolean tookDown, BigDecimal credited) {
	}

	private Offline takeOffline(long taskId, String merchantId, String reason) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT state, coalesce(cached_from, id) AS origin FROM render_task WHERE id = ? AND merchant_id = ? "
						+ "AND image_key IS NOT NULL FOR UPDATE",
				taskId, merchantId);
		if (rows.isEmpty()) {
			throw new NoSuchElementException("no image with id " + taskId);
		}
		String state = (String) rows.get(0).get("state");
		long origin = ((Number) rows.get(0).get("origin")).longValue();
		List<Long> images = new ArrayList<>(List.of(taskId));
		this.jdbc.queryForList("""
				SELECT id FROM render_task WHERE (id = ? OR cached_from = ?) AND id <> ? AND merchant_id = ?
				ORDER BY id FOR UPDATE""", Long.class, origin, origin, taskId, merchantId).forEach(images::add);
		boolean reportedBefore = !this.jdbc
			.queryForList("SELECT 1 FROM image_report WHERE task_id = ? AND took_down LIMIT 1", Integer.class, taskId)
			.isEmpty();
		boolean published = "PUBLISHED".equals(state) || ("SKIPPED_CACHED".equals(state) && !this.jdbc
			.queryForList(
					"SELECT 1 FROM publication WHERE task_id = ? AND destination = 'FOLDER' AND status = 'PUBLISHED'",
					Integer.class, taskId)
			.isEmpty());
		if (!published && !(DOWN.contains(state) && reportedBefore)) {
			// held by moderation, rendering, failed: it never reached the shop
			throw new ReviewConflictException("image " + taskId + " is " + state
					+ " and was never published; only a published image can be reported");
		}
		boolean tookDown = false;
		for (long image : images) {
			// only a published (or reused) one moves; one in review already stays as it
			// is
			tookDown |= this.updates.reported(image,
					"REPORTED: " + reason + ((image == taskId) ? "" : " (reported as image " + taskId + ")"));
		}
		BigDecimal credited = null;
		for (long image : images) {
			BigDecimal amount = this.credits.credit(image);
			credited = (amount == null) ? credited : (credited == null) ? amount : credited.add(amount);
		}
		this.jdbc.update("INSERT INTO image_report (task_id, merchant_id, reason, took_down) VALUES (?, ?, ?, ?)",
				taskId, merchantId, reason, tookDown);
		return new Offline(images, tookDown, credited);
	}

}
