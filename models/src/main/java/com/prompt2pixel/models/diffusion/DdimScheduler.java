package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * DDIM, Song et al. 2020, deterministic (eta = 0). Timesteps "leading" with Stable
 * Diffusion's offset of 1: every (N / steps)-th, from the end; the last step goes to
 * alpha-bar(0).
 */
final class DdimScheduler extends DiscreteScheduler {

	private final int ratio;

	DdimScheduler(NoiseSchedule schedule, int steps) {
		super(schedule.alphasCumprod(), leading(schedule.trainTimesteps() / steps, steps));
		this.ratio = schedule.trainTimesteps() / steps;
	}

	private static int[] leading(int ratio, int steps) {
		int[] timesteps = new int[steps];
		for (int i = 0; i < steps; i++) {
			timesteps[i] = (steps - 1 - i) * ratio + 1;
		}
		return timesteps;
	}

	@Override
	public NDArray step(NDArray noisePrediction, int step, NDArray sample, StepNoise noise) {
		int t = this.timesteps[step];
		int previous = t - this.ratio;
		double alpha = this.alphas[t];
		double alphaPrevious = (previous >= 0) ? this.alphas[previous] : this.alphas[0];
		NDArray predictedClean = sample.sub(noisePrediction.mul(Math.sqrt(1 - alpha))).div(Math.sqrt(alpha));
		return predictedClean.mul(Math.sqrt(alphaPrevious)).add(noisePrediction.mul(Math.sqrt(1 - alphaPrevious)));
	}

}
