package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * DPM-Solver++(2M), Lu et al. 2022: data prediction, second-order multistep in its
 * midpoint form; first order on the first step and on the last, which goes to noise level
 * 0 and so lands on the predicted clean latents. Timesteps evenly spaced, rounded.
 */
final class DpmSolverScheduler extends DiscreteScheduler {

	/** The previous step's predicted clean latents, and its lambda; null before. */
	private NDArray previousClean;

	private double previousLambda;

	DpmSolverScheduler(NoiseSchedule schedule, int steps) {
		super(schedule.alphasCumprod(), evenlySpaced(schedule.trainTimesteps(), steps));
	}

	private static int[] evenlySpaced(int n, int steps) {
		int[] timesteps = new int[steps];
		for (int i = 0; i < steps; i++) {
			// linspace(0, N-1, steps+1), rounded half to even as numpy does, reversed,
			// without 0
			timesteps[i] = (int) Math.rint((n - 1) * (double) (steps - i) / steps);
		}
		return timesteps;
	}

	@Override
	public NDArray step(NDArray noisePrediction, int step, NDArray sample, StepNoise noise) {
		double alphaS = Math.sqrt(this.alphas[this.timesteps[step]]);
		double sigmaS = Math.sqrt(1 - this.alphas[this.timesteps[step]]);
		double lambdaS = Math.log(alphaS) - Math.log(sigmaS);
		NDArray clean = sample.sub(noisePrediction.mul(sigmaS)).div(alphaS);
		NDArray result;
		if (step + 1 == this.timesteps.length) {
			result = clean;
		}
		else {
			double alphaT = Math.sqrt(this.alphas[this.timesteps[step + 1]]);
			double sigmaT = Math.sqrt(1 - this.alphas[this.timesteps[step + 1]]);
			double h = (Math.log(alphaT) - Math.log(sigmaT)) - lambdaS;
			double factor = alphaT * (Math.exp(-h) - 1);
			result = sample.mul(sigmaT / sigmaS).sub(clean.mul(factor));
			if (this.previousClean != null) {
				double r = (lambdaS - this.previousLambda) / h;
				NDArray d1 = clean.sub(this.previousClean).div(r);
				result = result.sub(d1.mul(0.5 * factor));
			}
		}
		// kept for the next step, beyond the caller's scope for this one
		NDScope.unregister(clean);
		if (this.previousClean != null) {
			this.previousClean.close();
		}
		this.previousClean = clean;
		this.previousLambda = lambdaS;
		return result;
	}

}
