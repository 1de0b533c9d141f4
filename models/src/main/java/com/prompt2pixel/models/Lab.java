package com.prompt2pixel.models;

/**
 * sRGB colours in CIELAB (D65), where distances follow what the eye tells apart: the
 * standard formulas, a few lines that no dependency of this module offers
 * ({@code java.awt.color} converts to XYZ under D50 only, through ICC profiles).
 */
final class Lab {

	private Lab() {
	}

	/** {@code [L, a, b]} of an RGB pixel ({@code 0xRRGGBB}; alpha ignored). */
	static double[] of(int rgb) {
		double r = linear((rgb >> 16) & 0xFF);
		double g = linear((rgb >> 8) & 0xFF);
		double b = linear(rgb & 0xFF);
		double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
		double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
		double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
		double fx = f(x);
		double fy = f(y);
		double fz = f(z);
		return new double[] { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
	}

	/** CIE76 ΔE: the straight distance in CIELAB. */
	static double distance(double[] one, double[] other) {
		double dl = one[0] - other[0];
		double da = one[1] - other[1];
		double db = one[2] - other[2];
		return Math.sqrt(dl * dl + da * da + db * db);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static double f(double t) {
		return (t > 216.0 / 24389) ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
	}

}
