package com.prompt2pixel.models.diffusion;

/**
 * Standard normal numbers from a seed: SplitMix64 for the bits, Marsaglia's polar method
 * for the shape (one logarithm per pair, where Box-Muller also needs a sine and a cosine:
 * half the time). Written out here (with StrictMath) rather than taken from the JDK or
 * the engine, so that a seed gives the same latents on every Java version and every
 * device, CPU or GPU.
 */
final class SeededNoise {

	private long state;

	private double spare = Double.NaN;

	SeededNoise(long seed) {
		this.state = seed;
	}

	/** The next {@code count} numbers. */
	float[] next(int count) {
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = (float) nextGaussian();
		}
		return values;
	}

	double nextGaussian() {
		if (!Double.isNaN(this.spare)) {
			double value = this.spare;
			this.spare = Double.NaN;
			return value;
		}
		double x;
		double y;
		double square;
		do {
			x = 2 * nextDouble() - 1;
			y = 2 * nextDouble() - 1;
			square = x * x + y * y;
		}
		while (square >= 1 || square == 0);
		double factor = StrictMath.sqrt(-2 * StrictMath.log(square) / square);
		this.spare = y * factor;
		return x * factor;
	}

	/** Uniform in [0, 1), 53 bits. */
	private double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	private long nextLong() {
		this.state += 0x9E3779B97F4A7C15L;
		long z = this.state;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
