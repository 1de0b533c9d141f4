package com.prompt2pixel.models.checks;

/**
 * What the checks read from a product mask (0 to 255 a pixel, row by row) and a pixel.
 */
final class Masks {

	private Masks() {
	}

	/**
	 * minX, minY, maxX, maxY of the pixels at least half product; null when none is.
	 */
	static int[] box(byte[] mask, int width, int height) {
		int minX = width;
		int minY = height;
		int maxX = -1;
		int maxY = -1;
		for (int y = 0, i = 0; y < height; y++) {
			for (int x = 0; x < width; x++, i++) {
				if ((mask[i] & 0xFF) >= 128) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		return (maxX < 0) ? null : new int[] { minX, minY, maxX, maxY };
	}

	static int luma(int rgb) {
		return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
	}

}
