package com.prompt2pixel.templates;

import java.nio.charset.StandardCharsets;

/**
 * The cache key of a render task: a hash over everything that determines its pixels. Two
 * tasks of one merchant with the same key would produce the same image, so the later one
 * reuses the earlier one's image instead of rendering (and billing) it again.
 */
public final class CacheKeys {

	private CacheKeys() {
	}

	/**
	 * @param backend the backend that would render the task
	 * @param model the model it would use
	 * @param task the expanded task (prompt, negative prompt, seed, parameters, hints)
	 * @param productImageSha256 hex SHA-256 of the product photo
	 * @param productSizeCm the product's stated size, which scales it in the scene, or
	 * null when its catalog states none
	 */
	public static String of(String backend, String model, ExpandedTask task, String productImageSha256,
			Double productSizeCm) {
		GenerationParams params = task.template().params();
		CompositionHints hints = task.template().hints();
		StringBuilder parts = new StringBuilder(512);
		for (Object part : new Object[] { "v1", backend, model, task.prompt(), task.negativePrompt(), task.seed(),
				params.width(), params.height(), params.steps(), params.guidance(), params.scheduler(), params.model(),
				params.img2imgStrength(), String.join(",", hints.palette()), hints.productScale(),
				productImageSha256 }) {
			// Double.toString and Long.toString are locale-independent and exact
			parts.append(part).append('\0');
		}
		if (!hints.placement().equals("auto")) {
			// only when set, so that keys made before placements existed still match
			parts.append("placement=").append(hints.placement()).append('\0');
		}
		if (!hints.surface().equals("auto")) {
			parts.append("surface=").append(hints.surface()).append('\0');
		}
		if (productSizeCm != null) {
			// only when stated, as the placement: keys made before sizes still match
			parts.append("size=").append(productSizeCm).append('\0');
			if (hints.scaleSizeCm() != null) {
				// what the size is measured against; nothing without a size
				parts.append("scale-size=").append(hints.scaleSizeCm()).append('\0');
			}
		}
		if (!hints.props().isEmpty()) {
			// only when set: keys made before props still match
			parts.append("props=").append(String.join(",", hints.props())).append('\0');
		}
		if (task.template().topDown()) {
			// a flat lay's scene is seen from above since issue 19; its earlier renders
			// were not
			parts.append("view=top-down").append('\0');
		}
		return Sha256.hex(parts.toString().getBytes(StandardCharsets.UTF_8));
	}

}
