package com.prompt2pixel.task;

/**
 * One image of a run and what made it.
 *
 * @param id the render task's id, which is the image's id in the API
 * @param product the product's key in the merchant's catalog
 * @param scene the scene template's id
 * @param reused whether the image was made by an earlier run and reused here
 * @param matteMethod how the product was cut out of its photo; null when no product was
 * placed, or for images made before this was recorded
 * @param matteConfidence that cut's confidence, 0 to 1, or null
 * @param checks the automatic checks' scores and problems as JSON, by check; null until
 * moderated, and for images moderated before this was recorded
 */
public record TaskImage(long id, long run, String merchant, String product, String templateSet, String scene,
		int variant, long seed, String prompt, String negativePrompt, String state, String stateReason, String backend,
		String model, Boolean generative, String imageKey, String sha256, boolean reused, String matteMethod,
		Double matteConfidence, String checks) {
}
