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
 */
public record Sampling(int steps, double guidance, String scheduler, String model) {

	public static final List<String> SCHEDULERS = List.of("euler", "ddim", "dpm++2m", "lcm");

	/** Stable Diffusion's usual settings. */
	public static final Sampling DEFAULT = new Sampling(30, 7.0, "euler", "default");

	public Sampling {
		if (steps < 1 || steps > 150) {
			throw new IllegalArgumentException("steps must be from 1 to 150, was " + steps);
		}
		if (guidance < 0 || guidance > 30) {
			throw new IllegalArgumentException("guidance must be from 0 to 30, was " + guidance);
		}
		if (!SCHEDULERS.contains(scheduler)) {
			throw new IllegalArgumentException("scheduler must be one of " + SCHEDULERS + ", was " + scheduler);
		}
	}

	/** Whether the negative prompt steers the image (classifier-free guidance). */
	public boolean guided() {
		return this.guidance > 1.0;
	}

}
