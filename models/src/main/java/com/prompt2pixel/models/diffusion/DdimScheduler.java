package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * DDIM, Song et al. 2020, deterministic (eta = 0). Timesteps "leading" with Stable
 * Diffusion's offset of 1: every (N / steps)-th, from the end; the last step goes to
 * alpha-bar(0).
 */
final class DdimScheduler implements Scheduler {

	private final double[] alphas;

	private final int[] timesteps;

	private final int ratio;

	DdimScheduler(NoiseSchedule schedule, int steps) {
		this.alphas = schedule.alphasCumprod();
		this.ratio = this.alphas.length / steps;
		this.timesteps = new int[steps];
		for (int i = 0; i < steps; i++) {
			this.timesteps[i] = (steps - 1 - i) * this.ratio + 1;
		}
	}

	@Override
	public double[] timesteps() {
		double[] values = new double[this.timesteps.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.timesteps[i];
		}
		return values;
	}

	@Override
	public double initNoiseSigma() {
		return 1.0;
	}

	@Override
	public NDArray scaleModelInput(NDArray sample, int step) {
		return sample;
	}

	@Override
	public NDArray addNoise(NDArray original, NDArray noise, int step) {
		if (step >= this.timesteps.length) {
			return original;
		}
		double alpha = this.alphas[this.timesteps[step]];
		return original.mul(Math.sqrt(alpha)).add(noise.mul(Math.sqrt(1 - alpha)));
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
