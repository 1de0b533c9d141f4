package com.prompt2pixel.models;

/**
 * sRGB colours in CIELAB (D65), where distances follow what the eye tells apart: the
 * standard formulas, a few lines that no dependency of this module offers
 * ({@code java.awt.color} converts to XYZ under D50 only, through ICC profiles).
 */
final class Lab {

	private Lab() {
	}

	/**
	 * {@code [L, a, b]} of an RGB pixel ({@code 0xRRGGBB}; alpha ignored), by the
	 * formulas: what {@link #toLab} is checked against.
	 */
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

	/** sRGB channel value to linear light, one entry a value. */
	private static final float[] LINEAR = new float[256];

	/** {@link #f} sampled over [0, 1] for {@link #toLab}; linear between samples. */
	private static final int F_STEPS = 4096;

	private static final float[] F = new float[F_STEPS + 2];

	static {
		for (int c = 0; c < 256; c++) {
			LINEAR[c] = (float) linear(c);
		}
		for (int i = 0; i < F.length; i++) {
			F[i] = (float) f((double) i / F_STEPS);
		}
	}

	/**
	 * Every pixel of an image in CIELAB at once, through lookup tables: about ten times
	 * faster than {@link #of} per pixel (what a 1024² keyer needs to stay within 30 ms),
	 * within 0.05 ΔE of it.
	 * @param rgb pixels as {@code 0xRRGGBB} (alpha ignored)
	 * @return {@code [L, a, b]}, each one value a pixel
	 */
	static float[][] toLab(int[] rgb) {
		float[] l = new float[rgb.length];
		float[] a = new float[rgb.length];
		float[] b = new float[rgb.length];
		int last = -1;
		for (int i = 0; i < rgb.length; i++) {
			int pixel = rgb[i] & 0xFFFFFF;
			if (pixel == last) {
				// a backdrop is long runs of one colour
				l[i] = l[i - 1];
				a[i] = a[i - 1];
				b[i] = b[i - 1];
				continue;
			}
			last = pixel;
			float r = LINEAR[(pixel >> 16) & 0xFF];
			float g = LINEAR[(pixel >> 8) & 0xFF];
			float bl = LINEAR[pixel & 0xFF];
			float fx = fast((0.4124564f * r + 0.3575761f * g + 0.1804375f * bl) / 0.95047f);
			float fy = fast(0.2126729f * r + 0.7151522f * g + 0.0721750f * bl);
			float fz = fast((0.0193339f * r + 0.1191920f * g + 0.9503041f * bl) / 1.08883f);
			l[i] = 116 * fy - 16;
			a[i] = 500 * (fx - fy);
			b[i] = 200 * (fy - fz);
		}
		return new float[][] { l, a, b };
	}

	private static float fast(float t) {
		float position = Math.max(0, Math.min(1, t)) * F_STEPS;
		int i = (int) position;
		float share = position - i;
		return F[i] + (F[i + 1] - F[i]) * share;
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static double f(double t) {
		return (t > 216.0 / 24389) ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
	}

}
