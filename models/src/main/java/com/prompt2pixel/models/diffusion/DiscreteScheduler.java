package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * What DDIM, DPM-Solver++ and LCM share: latents in the training parametrisation (x_t =
 * sqrt(alpha-bar) x_0 + sqrt(1 - alpha-bar) noise), whole-number timesteps, unit initial
 * noise and unscaled model input. Each subclass picks its timesteps and its step.
 */
abstract class DiscreteScheduler implements Scheduler {

	/** alpha-bar(t) for every training timestep. */
	protected final double[] alphas;

	/** The timesteps of this run, from noisy to clean. */
	protected final int[] timesteps;

	protected DiscreteScheduler(double[] alphas, int[] timesteps) {
		this.alphas = alphas;
		this.timesteps = timesteps;
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
	public double alphaCumprod(int step) {
		return this.alphas[this.timesteps[step]];
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

}
