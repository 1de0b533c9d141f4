package com.prompt2pixel.models.diffusion;

/**
 * The noise schedule a model was trained with: betas over the training timesteps, linear
 * or "scaled linear" (linear in their square roots, as Stable Diffusion), and the
 * cumulative products of the alphas that every scheduler works from.
 *
 * @param trainTimesteps N, usually 1000
 * @param betaStart first beta
 * @param betaEnd last beta
 * @param scaledLinear whether the betas are linear in their square roots
 */
public record NoiseSchedule(int trainTimesteps, double betaStart, double betaEnd, boolean scaledLinear) {

	/** Stable Diffusion 1.x and 2.x. */
	public static final NoiseSchedule STABLE_DIFFUSION = new NoiseSchedule(1000, 0.00085, 0.012, true);

	/** alpha-bar(t) for t = 0 .. N-1. */
	public double[] alphasCumprod() {
		double[] result = new double[this.trainTimesteps];
		double product = 1.0;
		for (int t = 0; t < this.trainTimesteps; t++) {
			double fraction = (this.trainTimesteps == 1) ? 0 : (double) t / (this.trainTimesteps - 1);
			double beta;
			if (this.scaledLinear) {
				double root = Math.sqrt(this.betaStart)
						+ fraction * (Math.sqrt(this.betaEnd) - Math.sqrt(this.betaStart));
				beta = root * root;
			}
			else {
				beta = this.betaStart + fraction * (this.betaEnd - this.betaStart);
			}
			product *= 1.0 - beta;
			result[t] = product;
		}
		return result;
	}

}
