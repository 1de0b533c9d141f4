package com.prompt2pixel.models.diffusion;

/**
 * Standard normal numbers from a seed: SplitMix64 for the bits, Box-Muller for the shape.
 * Written out here (with StrictMath) rather than taken from the JDK or the engine, so
 * that a seed gives the same latents on every Java version and every device, CPU or GPU.
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
		double u1;
		do {
			u1 = nextDouble();
		}
		while (u1 <= 0);
		double u2 = nextDouble();
		double radius = StrictMath.sqrt(-2 * StrictMath.log(u1));
		this.spare = radius * StrictMath.sin(2 * Math.PI * u2);
		return radius * StrictMath.cos(2 * Math.PI * u2);
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
