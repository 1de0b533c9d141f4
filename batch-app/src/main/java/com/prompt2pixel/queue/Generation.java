package com.prompt2pixel.queue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.prompt2pixel.run.RunStatus;

/**
 * An on-demand generation as the API shows it: what was asked, where it stands, and each
 * of its images with its own state.
 *
 * @param id the generation's id (its run's)
 * @param merchant the merchant (not shown: the caller is that merchant)
 * @param status QUEUED, RUNNING, COMPLETED or FAILED
 * @param product the product's key
 * @param templateSet the set asked for; null: the set the product matched
 * @param scene the scene asked for; null: every scene of the set
 * @param prompt the prompt given in place of the scene's, or null
 * @param negativePrompt likewise
 * @param variants images per scene
 * @param seed the first variant's seed
 * @param width the width asked for, or null for the scene's
 * @param height likewise
 * @param createdAt when it was asked for
 * @param finishedAt when it ended, or null
 * @param images each planned image: its state, and its link once it exists
 * @param failure why it failed, without server paths, or null
 */
@JsonPropertyOrder({ "id", "status", "product", "template_set", "scene", "prompt", "negative_prompt", "variants",
		"seed", "width", "height", "created_at", "finished_at", "images", "failure" })
public record Generation(long id, @JsonIgnore String merchant, String status, String product,
		@JsonProperty("template_set") String templateSet, String scene, String prompt,
		@JsonProperty("negative_prompt") String negativePrompt, int variants, long seed, Integer width, Integer height,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("finished_at") Instant finishedAt,
		List<Image> images, String failure) {

	/**
	 * One planned image.
	 *
	 * @param id the image's id
	 * @param scene its scene
	 * @param variant its variant
	 * @param seed its seed
	 * @param state PENDING until rendered, then as the run moves it on
	 * @param url where it is downloaded, once it exists
	 * @param meta what made it, once it exists
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Image(long id, String scene, int variant, long seed, String state, String url, String meta) {

	}

	/** The run's statuses, as a generation's four. */
	static String statusOf(String runStatus) {
		return switch (runStatus) {
			case "RUNNING", "STOPPING" -> "RUNNING";
			case "COMPLETED", "FAILED" -> runStatus;
			// its failure says it was cancelled
			case "CANCELLED" -> "FAILED";
			// waiting, or stopped by a draining node and queued again
			default -> "QUEUED";
		};
	}

	/** The run statuses behind each status a filter may name. */
	static final Map<String, List<String>> RUN_STATUSES = Arrays.stream(RunStatus.values())
		.map(RunStatus::name)
		.collect(Collectors.groupingBy(Generation::statusOf));

}
