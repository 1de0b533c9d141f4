package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Euler (discrete), Karras et al. 2022, Algorithm 2 without churn: the latents live at
 * noise level sigma = sqrt((1 - alpha-bar) / alpha-bar); timesteps evenly spaced over the
 * training range, sigma interpolated at them, then 0.
 */
final class EulerScheduler implements Scheduler {

	private final double[] timesteps;

	private final double[] sigmas;

	EulerScheduler(NoiseSchedule schedule, int steps) {
		double[] alphas = schedule.alphasCumprod();
		int n = alphas.length;
		this.timesteps = new double[steps];
		this.sigmas = new double[steps + 1];
		for (int i = 0; i < steps; i++) {
			double t = (steps == 1) ? 0 : (n - 1) * (double) (steps - 1 - i) / (steps - 1);
			this.timesteps[i] = t;
			int low = (int) Math.floor(t);
			int high = Math.min(low + 1, n - 1);
			double fraction = t - low;
			this.sigmas[i] = sigma(alphas[low]) * (1 - fraction) + sigma(alphas[high]) * fraction;
		}
		this.sigmas[steps] = 0;
	}

	private static double sigma(double alphaCumprod) {
		return Math.sqrt((1 - alphaCumprod) / alphaCumprod);
	}

	@Override
	public double[] timesteps() {
		return this.timesteps.clone();
	}

	@Override
	public double initNoiseSigma() {
		return this.sigmas[0];
	}

	/** sigma^2 = (1 - alpha-bar) / alpha-bar, so alpha-bar = 1 / (sigma^2 + 1). */
	@Override
	public double alphaCumprod(int step) {
		double sigma = this.sigmas[step];
		return 1 / (sigma * sigma + 1);
	}

	@Override
	public NDArray scaleModelInput(NDArray sample, int step) {
		double sigma = this.sigmas[step];
		return sample.div(Math.sqrt(sigma * sigma + 1));
	}

	@Override
	public NDArray addNoise(NDArray original, NDArray noise, int step) {
		return (step >= this.timesteps.length) ? original : original.add(noise.mul(this.sigmas[step]));
	}

	/**
	 * With an epsilon prediction the ODE's derivative dx/dsigma is the prediction itself.
	 */
	@Override
	public NDArray step(NDArray noisePrediction, int step, NDArray sample, StepNoise noise) {
		return noisePrediction.mul(this.sigmas[step + 1] - this.sigmas[step]).addi(sample);
	}

}
