package com.prompt2pixel.models;

import java.util.List;

/**
 * How a diffusion backend samples one image; backends without a sampler ignore it.
 *
 * @param steps denoising steps, 1 to 150
 * @param guidance classifier-free guidance scale; at 1 or below the negative prompt is
 * not used and the batch is not doubled
 * @param scheduler {@code euler}, {@code ddim}, {@code dpm++2m} or {@code lcm}
 * @param model the model name the configuration maps to a backend
 * @param strength how far a backend that starts from the composed scene (the product
 * placed on a painted backdrop) may move from it, from 0 (barely) to 1 (all the way, as
 * from noise); the product's own pixels are kept either way
 */
public record Sampling(int steps, double guidance, String scheduler, String model, double strength) {

	public static final List<String> SCHEDULERS = List.of("euler", "ddim", "dpm++2m", "lcm");

	/** Stable Diffusion's usual settings. */
	public static final Sampling DEFAULT = new Sampling(30, 7.0, "euler", "default", 1.0);

	public Sampling {
		if (steps < 1 || steps > 150) {
			throw new IllegalArgumentException("steps must be from 1 to 150, was " + steps);
		}
		if (guidance < 0 || guidance > 30) {
			throw new IllegalArgumentException("guidance must be from 0 to 30, was " + guidance);
		}
		if (strength < 0 || strength > 1) {
			throw new IllegalArgumentException("strength must be from 0 to 1, was " + strength);
		}
		if (!SCHEDULERS.contains(scheduler)) {
			throw new IllegalArgumentException("scheduler must be one of " + SCHEDULERS + ", was " + scheduler);
		}
	}

	/** Whether the negative prompt steers the image (classifier-free guidance). */
	public boolean guided() {
		return this.guidance > 1.0;
	}

	/** The steps a run starting from the composed scene takes: the last of them. */
	public int stepsFromScene() {
		return Math.max(1, (int) Math.round(this.steps * this.strength));
	}

}
