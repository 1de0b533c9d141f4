package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Latent consistency sampling (LCM), Luo et al. 2023, for few-step ("turbo") models: each
 * step predicts the clean latents with the consistency boundary conditions (sigma_data
 * 0.5, timestep scaling 10) and, but for the last, noises them again to the next timestep
 * with fresh seeded noise. Timesteps from 50 original steps, evenly skipped.
 */
final class LcmScheduler extends DiscreteScheduler {

	private static final int ORIGINAL_STEPS = 50;

	private static final double SIGMA_DATA = 0.5;

	private static final double TIMESTEP_SCALING = 10.0;

	LcmScheduler(NoiseSchedule schedule, int steps) {
		super(schedule.alphasCumprod(), skipping(schedule.trainTimesteps(), steps));
	}

	private static int[] skipping(int n, int steps) {
		int c = n / ORIGINAL_STEPS;
		int skip = Math.max(1, ORIGINAL_STEPS / steps);
		int count = Math.min(steps, (ORIGINAL_STEPS + skip - 1) / skip);
		int[] timesteps = new int[count];
		for (int i = 0; i < count; i++) {
			// origin timesteps (k * c - 1 for k = 1..50), reversed, every skip-th
			timesteps[i] = (ORIGINAL_STEPS - i * skip) * c - 1;
		}
		return timesteps;
	}

	@Override
	public NDArray step(NDArray noisePrediction, int step, NDArray sample, StepNoise noise) {
		int t = this.timesteps[step];
		double alpha = this.alphas[t];
		double scaled = t * TIMESTEP_SCALING;
		double cSkip = SIGMA_DATA * SIGMA_DATA / (scaled * scaled + SIGMA_DATA * SIGMA_DATA);
		double cOut = scaled / Math.sqrt(scaled * scaled + SIGMA_DATA * SIGMA_DATA);
		NDArray clean = sample.sub(noisePrediction.mul(Math.sqrt(1 - alpha))).div(Math.sqrt(alpha));
		NDArray denoised = clean.mul(cOut).add(sample.mul(cSkip));
		if (step + 1 == this.timesteps.length) {
			return denoised;
		}
		double alphaNext = this.alphas[this.timesteps[step + 1]];
		return denoised.mul(Math.sqrt(alphaNext)).add(noise.next(sample).mul(Math.sqrt(1 - alphaNext)));
	}

}
