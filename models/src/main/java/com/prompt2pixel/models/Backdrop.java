package com.prompt2pixel.models;

import java.util.Arrays;

/**
 * A studio backdrop as seen along a photo's border: its colour in CIELAB as a smooth
 * surface over the frame (a quadratic in x and y per channel, so a sweep's gradient or a
 * vignette is part of it), and how much the border strays from that surface (its noise or
 * texture). Fitted by least squares twice: the second time without the border pixels the
 * first fit left far off, which are a product touching the edge, not backdrop.
 */
final class Backdrop {

	/** Terms of the surface: 1, u, v, u², uv, v² (u, v the position, -0.5 to 0.5). */
	private static final int TERMS = 6;

	/** A border sample this far (ΔE) from the first fit is left out of the second. */
	private static final double OUTLIER_FLOOR = 2;

	private final double[][] coefficients;

	private final int width;

	private final int height;

	private final double noise;

	private final double share;

	private Backdrop(double[][] coefficients, int width, int height, double noise, double share) {
		this.coefficients = coefficients;
		this.width = width;
		this.height = height;
		this.noise = noise;
		this.share = share;
	}

	/**
	 * The backdrop seen along the outer two rings of pixels.
	 * @param lab the photo's {@code [L, a, b]}, one value a pixel each
	 */
	static Backdrop fit(float[][] lab, int width, int height) {
		int[] samples = borderSamples(width, height);
		double[][] first = solve(lab, samples, null, width, height);
		double[] residual = residuals(lab, samples, first, width, height);
		double[] sorted = residual.clone();
		Arrays.sort(sorted);
		double cut = Math.max(OUTLIER_FLOOR, 3 * sorted[sorted.length / 2]);
		boolean[] kept = new boolean[samples.length];
		for (int s = 0; s < samples.length; s++) {
			kept[s] = residual[s] <= cut;
		}
		double[][] second = solve(lab, samples, kept, width, height);
		double[] again = residuals(lab, samples, second, width, height);
		Arrays.sort(again);
		double noise = again[(int) (0.9 * (again.length - 1))];
		long inside = Arrays.stream(again).filter((r) -> r <= Math.max(OUTLIER_FLOOR, 3 * noise)).count();
		return new Backdrop(second, width, height, noise, (double) inside / again.length);
	}

	/**
	 * How far the border strays from the surface: the 90th percentile of its distances
	 * (ΔE), so that a product touching a tenth of the border does not count as noise.
	 */
	double noise() {
		return this.noise;
	}

	/** The share of the border that lies on the surface, within its noise. */
	double share() {
		return this.share;
	}

	/**
	 * How far apart (ΔE) the backdrop's colours are over the frame: a sweep's gradient is
	 * some tens, a photo whose border is a scene is more.
	 */
	double range() {
		double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
		double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (int gy = 0; gy <= 4; gy++) {
			for (int gx = 0; gx <= 4; gx++) {
				for (int c = 0; c < 3; c++) {
					double value = at(this.coefficients[c], gx / 4.0 - 0.5, gy / 4.0 - 0.5);
					min[c] = Math.min(min[c], value);
					max[c] = Math.max(max[c], value);
				}
			}
		}
		double dl = max[0] - min[0];
		double da = max[1] - min[1];
		double db = max[2] - min[2];
		return Math.sqrt(dl * dl + da * da + db * db);
	}

	/**
	 * The backdrop's colour along one row of pixels.
	 * @param into {@code [L, a, b]}, each a row long, filled
	 */
	void row(int y, float[][] into) {
		double v = v(y, this.height);
		// a multiplication a pixel, not a division: this runs for every pixel of the
		// photo
		double step = (this.width > 1) ? 1.0 / (this.width - 1) : 0;
		double start = (this.width > 1) ? -0.5 : 0;
		for (int c = 0; c < 3; c++) {
			double[] k = this.coefficients[c];
			// along a row the surface is a quadratic in u alone
			double constant = k[0] + k[2] * v + k[5] * v * v;
			double linear = k[1] + k[4] * v;
			double square = k[3];
			float[] out = into[c];
			for (int x = 0; x < this.width; x++) {
				double u = start + x * step;
				out[x] = (float) (constant + (linear + square * u) * u);
			}
		}
	}

	/**
	 * The backdrop's colour at one pixel, {@code [L, a, b]}.
	 */
	float[] at(int x, int y) {
		double u = u(x, this.width);
		double v = v(y, this.height);
		return new float[] { (float) at(this.coefficients[0], u, v), (float) at(this.coefficients[1], u, v),
				(float) at(this.coefficients[2], u, v) };
	}

	private static double u(int x, int width) {
		return (width > 1) ? (double) x / (width - 1) - 0.5 : 0;
	}

	private static double v(int y, int height) {
		return (height > 1) ? (double) y / (height - 1) - 0.5 : 0;
	}

	private static double at(double[] k, double u, double v) {
		return k[0] + k[1] * u + k[2] * v + k[3] * u * u + k[4] * u * v + k[5] * v * v;
	}

	private static double[] terms(double u, double v) {
		return new double[] { 1, u, v, u * u, u * v, v * v };
	}

	/** Pixel indices of the outer two rings, at most about 4000 of them. */
	private static int[] borderSamples(int width, int height) {
		int depth = Math.min(2, Math.min(width, height) / 2);
		int step = Math.max(1, (2 * (width + height) * depth) / 4000);
		int[] samples = new int[2 * (width + height) * Math.max(1, depth)];
		int n = 0;
		for (int d = 0; d < Math.max(1, depth); d++) {
			for (int x = 0; x < width; x += step) {
				samples[n++] = d * width + x;
				samples[n++] = (height - 1 - d) * width + x;
			}
			for (int y = 0; y < height; y += step) {
				samples[n++] = y * width + d;
				samples[n++] = y * width + width - 1 - d;
			}
		}
		return Arrays.copyOf(samples, n);
	}

	private static double[][] solve(float[][] lab, int[] samples, boolean[] kept, int width, int height) {
		double[][] coefficients = new double[3][];
		for (int c = 0; c < 3; c++) {
			double[][] normal = new double[TERMS][TERMS + 1];
			for (int s = 0; s < samples.length; s++) {
				if (kept != null && !kept[s]) {
					continue;
				}
				int index = samples[s];
				double[] t = terms(u(index % width, width), v(index / width, height));
				double value = lab[c][index];
				for (int i = 0; i < TERMS; i++) {
					for (int j = 0; j < TERMS; j++) {
						normal[i][j] += t[i] * t[j];
					}
					normal[i][TERMS] += t[i] * value;
				}
			}
			coefficients[c] = gauss(normal);
		}
		return coefficients;
	}

	/**
	 * Solves the normal equations; a term the samples cannot pin down (a photo one pixel
	 * high has no v) is left at 0, with a small ridge keeping the system regular.
	 */
	private static double[] gauss(double[][] m) {
		int n = TERMS;
		for (int i = 0; i < n; i++) {
			m[i][i] += 1e-9;
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = m[col];
			m[col] = m[pivot];
			m[pivot] = swap;
			for (int row = col + 1; row < n; row++) {
				double factor = m[row][col] / m[col][col];
				for (int k = col; k <= n; k++) {
					m[row][k] -= factor * m[col][k];
				}
			}
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double sum = m[i][n];
			for (int k = i + 1; k < n; k++) {
				sum -= m[i][k] * x[k];
			}
			x[i] = sum / m[i][i];
		}
		return x;
	}

	private static double[] residuals(float[][] lab, int[] samples, double[][] k, int width, int height) {
		double[] residual = new double[samples.length];
		for (int s = 0; s < samples.length; s++) {
			int index = samples[s];
			double u = u(index % width, width);
			double v = v(index / width, height);
			double dl = lab[0][index] - at(k[0], u, v);
			double da = lab[1][index] - at(k[1], u, v);
			double db = lab[2][index] - at(k[2], u, v);
			residual[s] = Math.sqrt(dl * dl + da * da + db * db);
		}
		return residual;
	}

}
