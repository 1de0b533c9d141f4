package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Automatic moderation checks on one image. For now: a near-uniform image (blank, a flat
 * colour, a failed render) is flagged by the standard deviation of its luminance.
 * Run-level checks such as exact duplicates need the other images and live with the
 * caller.
 */
public final class ImageInspector {

	private final double minLuminanceStdDev;

	/**
	 * @param minLuminanceStdDev images whose luminance varies less than this (0-255
	 * scale) are flagged as near-uniform
	 */
	public ImageInspector(double minLuminanceStdDev) {
		this.minLuminanceStdDev = minLuminanceStdDev;
	}

	public Inspection inspect(byte[] encoded) {
		BufferedImage image;
		try {
			image = Png.decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			return new Inspection(0, List.of("unreadable image: " + ex.getMessage()));
		}
		return inspect(image);
	}

	/** The checks on an image already decoded. */
	public Inspection inspect(BufferedImage image) {
		double stdDev = luminanceStdDev(image);
		if (stdDev < this.minLuminanceStdDev) {
			return new Inspection(stdDev,
					List.of(String.format(Locale.ROOT,
							"near-uniform image: luminance standard deviation %.2f is below %.2f", stdDev,
							this.minLuminanceStdDev)));
		}
		return new Inspection(stdDev, List.of());
	}

	/** Sampled on a grid of at most about 256x256 points: plenty for a flatness test. */
	static double luminanceStdDev(BufferedImage image) {
		int step = Math.max(1, Math.max(image.getWidth(), image.getHeight()) / 256);
		double sum = 0;
		double sumOfSquares = 0;
		long count = 0;
		for (int y = 0; y < image.getHeight(); y += step) {
			for (int x = 0; x < image.getWidth(); x += step) {
				int rgb = image.getRGB(x, y);
				double luminance = 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
				sum += luminance;
				sumOfSquares += luminance * luminance;
				count++;
			}
		}
		double mean = sum / count;
		return Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
	}

	/**
	 * @param luminanceStdDev measured luminance standard deviation
	 * @param problems what is wrong, one sentence each; empty when the image passes
	 */
	public record Inspection(double luminanceStdDev, List<String> problems) {

		public boolean passed() {
			return this.problems.isEmpty();
		}

	}

}
