package com.prompt2pixel.models;

/**
 * The compositor's surfaces as procedural textures: value noise (a hashed lattice,
 * smoothly interpolated, in octaves) shaped per material, multiplied into the floor
 * colour the backdrop was painted in. No texture files, no licences, any image size, and
 * a seed varies the grain. Written here rather than taken from a library: Maven Central
 * has no maintained noise library for Java (FastNoiseLite, the usual choice, is a file to
 * copy), and value noise is a dozen lines.
 *
 * <p>
 * Coordinates are world units, {@value #UNITS_ACROSS} across the surface's near edge, so
 * a plank or a weave is the same share of the image at 512 or 1024 pixels. In a front
 * view the floor recedes to the horizon: its fine detail (threads, grit, rings) fades
 * with distance before it could alias, its coarse detail (planks, mottling, folds) stays.
 */
final class SurfaceTexture {

	/** World units across the surface's near edge. */
	private static final double UNITS_ACROSS = 8;

	/**
	 * How far the floor is foreshortened at the image's lower edge: a camera a little
	 * above the table, as a tabletop product photo is taken.
	 */
	private static final double FORESHORTENING = 0.35;

	private static final double TAU = 2 * Math.PI;

	private SurfaceTexture() {
	}

	/**
	 * Multiplies a front view's floor (the rows below the horizon) by the surface's tone.
	 * @param rgb the image's pixels ({@code TYPE_INT_RGB}), row by row, changed in place
	 */
	static void paintFront(int[] rgb, int width, int height, double horizon, Surface surface, long seed) {
		if (surface == Surface.PLAIN) {
			return;
		}
		double perPixel = UNITS_ACROSS / width;
		double near = height - horizon;
		double[] tone = new double[3];
		for (int y = (int) Math.ceil(horizon); y < height; y++) {
			// a row's share of the way from the horizon to the near edge; depth is its
			// inverse
			double r = (y + 0.5 - horizon) / near;
			double depth = 1 / r;
			double v = near * perPixel / FORESHORTENING * depth;
			double coarse = Math.sqrt(r);
			// detail a few pixels across on the near edge, compressed with the square of
			// r
			double fine = Math.max(0, Math.min(1, 2.2 * FORESHORTENING * r * r - 0.15));
			for (int x = 0; x < width; x++) {
				double u = (x + 0.5 - width / 2.0) * perPixel * depth;
				tone(surface, u, v, 1 / (perPixel * depth), coarse, fine, seed, tone);
				rgb[y * width + x] = multiply(rgb[y * width + x], tone);
			}
		}
	}

	/** Multiplies a whole top-down view by the surface's tone. */
	static void paintTopDown(int[] rgb, int width, int height, Surface surface, long seed) {
		if (surface == Surface.PLAIN) {
			return;
		}
		double perPixel = UNITS_ACROSS / width;
		double[] tone = new double[3];
		for (int y = 0; y < height; y++) {
			double v = (y + 0.5) * perPixel;
			for (int x = 0; x < width; x++) {
				tone(surface, (x + 0.5) * perPixel, v, 1 / perPixel, 1, 1, seed, tone);
				rgb[y * width + x] = multiply(rgb[y * width + x], tone);
			}
		}
	}

	/**
	 * The factors (red, green, blue) the surface multiplies its colour by at a point.
	 * @param pixelsPerUnit how many image pixels one world unit spans across there
	 * @param coarse 0 to 1: how much of the large-scale detail shows
	 * @param fine 0 to 1: how much of the detail a few pixels across shows
	 */
	static void tone(Surface surface, double u, double v, double pixelsPerUnit, double coarse, double fine, long seed,
			double[] out) {
		double tone;
		double warmth;
		switch (surface) {
			case WOOD -> {
				// planks along u, each its own shade and grain; rings and streaks run
				// with them
				double across = v / 0.8;
				int plank = floor(across);
				double within = across - plank;
				double offset = 40 * lattice(plank, 29, seed);
				double warp = fbm(u * 0.3 + offset, v * 1.2, seed, 3);
				double ring = 0.5 + 0.5 * Math.sin((v * 4 + warp * 5 + offset) * TAU);
				ring = ring * ring * ring;
				double streak = noise(u * 0.7 + offset, v * 30, seed + 3);
				double seam = (Math.min(within, 1 - within) < 0.012) ? 1 : 0;
				tone = (0.92 + 0.14 * lattice(plank, 17, seed))
						* (1 - 0.12 * ring * fine - 0.10 * (streak - 0.5) * fine) * (1 - 0.22 * seam * coarse);
				warmth = 0.35;
			}
			case STONE -> {
				// mottled and softly banded, with a few veins that wander, thicken and
				// fade
				double mottle = fbm(u * 0.6, v * 0.6, seed, 4);
				double bend = fbm(u * 0.3 + 5, v * 0.3, seed + 11, 4);
				double band = Math.sin((v * 0.9 + u * 0.2 + bend * 3) * TAU);
				double line = 1 - Math.abs(Math.sin((u * 0.28 + v * 0.2 + bend * 3.5) * Math.PI));
				double l2 = line * line;
				double l4 = l2 * l2;
				double vein = l4 * l4 * l2;
				double presence = Math.max(0, Math.min(1, (noise(u * 0.35, v * 0.35, seed + 13) - 0.4) / 0.3));
				double pit = noise(u * 14, v * 14, seed + 5);
				tone = 0.98 + 0.10 * (mottle - 0.5) * coarse + 0.025 * band * coarse - 0.10 * vein * presence * coarse
						- ((pit < 0.1) ? 0.08 * (0.1 - pit) / 0.1 * fine : 0);
				warmth = 0.05;
			}
			case LINEN -> {
				// a plain weave some four pixels a thread, uneven threads (slubs), soft
				// folds
				double threads = Math.max(6, Math.min(40, pixelsPerUnit / 4));
				double warpThread = 0.5 + 0.5 * Math.sin(u * threads * TAU + 2 * noise(u, v * 8, seed + 1));
				double weftThread = 0.5 + 0.5 * Math.sin(v * threads * TAU + 2 * noise(u * 8, v, seed + 2));
				double slub = noise(u * threads, v * 4, seed + 4) + noise(u * 4, v * threads, seed + 6) - 1;
				double folds = fbm(u * 0.22, v * 0.22, seed + 8, 3);
				tone = 1 + 0.07 * (warpThread * weftThread - 0.25) * fine + 0.025 * slub * fine
						+ 0.10 * (folds - 0.5) * coarse;
				warmth = 0.1;
			}
			case CONCRETE -> {
				double mottle = fbm(u * 0.9, v * 0.9, seed, 4);
				double grit = noise(u * pixelsPerUnit / 2.5, v * pixelsPerUnit / 2.5, seed + 2);
				double pore = noise(u * 9, v * 9, seed + 9);
				tone = 0.97 + 0.14 * (mottle - 0.5) * coarse + 0.08 * (grit - 0.5) * fine
						- ((pore < 0.06) ? 0.15 * fine : 0);
				warmth = -0.05;
			}
			case PAPER -> {
				double mottle = fbm(u * 1.5, v * 1.5, seed, 3);
				double fibre = noise(u * pixelsPerUnit / 3, v * pixelsPerUnit / 12, seed + 4);
				tone = 0.99 + 0.04 * (mottle - 0.5) * coarse + 0.04 * (fibre - 0.5) * fine;
				warmth = 0.15;
			}
			default -> {
				tone = 1;
				warmth = 0;
			}
		}
		// darker parts of a warm material are warmer (wood's grain), of a cool one cooler
		double shift = (1 - tone) * warmth;
		out[0] = tone * (1 + shift);
		out[1] = tone;
		out[2] = tone * (1 - 1.5 * shift);
	}

	private static int multiply(int rgb, double[] tone) {
		int r = clamp(((rgb >> 16) & 0xFF) * tone[0]);
		int g = clamp(((rgb >> 8) & 0xFF) * tone[1]);
		int b = clamp((rgb & 0xFF) * tone[2]);
		return (r << 16) | (g << 8) | b;
	}

	private static int clamp(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

	/** Value noise in 0 to 1, smooth between the lattice's points. */
	static double noise(double x, double y, long seed) {
		int xi = floor(x);
		int yi = floor(y);
		double fx = x - xi;
		double fy = y - yi;
		double sx = fx * fx * (3 - 2 * fx);
		double sy = fy * fy * (3 - 2 * fy);
		double a = lattice(xi, yi, seed);
		double b = lattice(xi + 1, yi, seed);
		double c = lattice(xi, yi + 1, seed);
		double d = lattice(xi + 1, yi + 1, seed);
		return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
	}

	/** Octaves of value noise, each twice as fine and half as strong, in 0 to 1. */
	static double fbm(double x, double y, long seed, int octaves) {
		double sum = 0;
		double amplitude = 0.5;
		double total = 0;
		for (int octave = 0; octave < octaves; octave++) {
			sum += amplitude * noise(x, y, seed + 7919L * octave);
			total += amplitude;
			amplitude *= 0.5;
			x *= 2.03;
			y *= 2.03;
		}
		return sum / total;
	}

	/** A lattice point's value in 0 to 1 (SplitMix64's finaliser over the point). */
	private static double lattice(int x, int y, long seed) {
		long h = seed + x * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL;
		h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
		h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
		h ^= h >>> 31;
		return (h >>> 11) * 0x1.0p-53;
	}

	private static int floor(double value) {
		int truncated = (int) value;
		return (value < truncated) ? truncated - 1 : truncated;
	}

}
