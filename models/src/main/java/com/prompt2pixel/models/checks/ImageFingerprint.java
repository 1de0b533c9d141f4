package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import com.prompt2pixel.models.Pixels;

/**
 * What an image looks like, small enough to keep for every image and compare by the
 * thousand: a 64-bit perceptual hash of its luminance (pHash: the signs of the lowest 8×8
 * frequencies of a 32×32 reduction's DCT against their median, the DC term left out),
 * which noise, rescaling and recompression barely move, and its colours as the mean RGB
 * of a 4×4 grid, which the hash does not see (a mug in sage and the same mug in clay have
 * one hash).
 *
 * <p>
 * Hand-written rather than {@code dev.brachtendorf:JImageHash}: that library brings
 * JavaFX (javafx-graphics and javafx-swing with their Linux natives, 5.7 MB) through its
 * utility module; the hash is the DCT below. Measured on the sample catalog's 240
 * composites (20 products, 4 scenes, 3 variants, 768 pixels a side): Gaussian noise of σ
 * 8 moves no image's hash by more than 3 bits, σ 16 one image by 4; two images of
 * different products or scenes differ by 6 bits or more, except one pair of the same mug
 * in another colour (2 bits, colours 67 apart). On the checks' drawn 512² set, two of
 * twenty copies with σ 8 moved 6 and 10 bits (docs/BENCHMARKS.md).
 *
 * @param hash the perceptual hash
 * @param colours mean red, green and blue of each grid cell, row by row, each 0 to 255
 */
public record ImageFingerprint(long hash, byte[] colours) {

	/** The grid of the colour means, a side. */
	public static final int GRID = 4;

	private static final int REDUCED = 32;

	/** The side up to which every pixel is read. */
	private static final int SAMPLED_SIDE = 512;

	private static final int FREQUENCIES = 8;

	/** The DCT's cosines, cos((2x + 1) u π / 2N), for the lowest frequencies. */
	private static final double[][] COSINES = new double[FREQUENCIES][REDUCED];

	static {
		for (int u = 0; u < FREQUENCIES; u++) {
			for (int x = 0; x < REDUCED; x++) {
				COSINES[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * REDUCED));
			}
		}
	}

	public ImageFingerprint {
		if (colours.length != GRID * GRID * 3) {
			throw new IllegalArgumentException(
					"a fingerprint's colours are " + (GRID * GRID * 3) + " bytes, not " + colours.length);
		}
		colours = colours.clone();
	}

	@Override
	public byte[] colours() {
		return this.colours.clone();
	}

	public static ImageFingerprint of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] argb = Pixels.argb(image);
		// each column's cells, worked out once: a division a pixel cost more than the
		// rest
		int[] reducedColumn = new int[width];
		int[] gridColumn = new int[width];
		for (int x = 0; x < width; x++) {
			reducedColumn[x] = x * REDUCED / width;
			gridColumn[x] = x * GRID / width;
		}
		// luma as 299 R + 587 G + 114 B, in integers, scaled back once a cell
		long[] luma1000 = new long[REDUCED * REDUCED];
		int[] lumaCount = new int[REDUCED * REDUCED];
		long[] colour = new long[GRID * GRID * 3];
		int[] colourCount = new int[GRID * GRID];
		// every pixel of an image up to 512 a side, every step-th of a larger one: a cell
		// of the 32x32 reduction still averages hundreds of them (a 1024² image: 4.3 ms
		// reading all, 1.5 ms reading a quarter)
		int step = Math.max(1, Math.max(width, height) / SAMPLED_SIDE);
		for (int y = 0; y < height; y += step) {
			int reducedRow = (y * REDUCED / height) * REDUCED;
			int gridRow = (y * GRID / height) * GRID;
			int offset = y * width;
			for (int x = 0; x < width; x += step) {
				int pixel = argb[offset + x];
				int red = (pixel >> 16) & 0xFF;
				int green = (pixel >> 8) & 0xFF;
				int blue = pixel & 0xFF;
				int reduced = reducedRow + reducedColumn[x];
				luma1000[reduced] += 299 * red + 587 * green + 114 * blue;
				lumaCount[reduced]++;
				int cell = (gridRow + gridColumn[x]) * 3;
				colour[cell] += red;
				colour[cell + 1] += green;
				colour[cell + 2] += blue;
				colourCount[cell / 3]++;
			}
		}
		double[] luma = new double[REDUCED * REDUCED];
		for (int i = 0; i < luma.length; i++) {
			luma[i] = (lumaCount[i] > 0) ? luma1000[i] / (1000.0 * lumaCount[i]) : 0;
		}
		byte[] colours = new byte[colour.length];
		for (int i = 0; i < colour.length; i++) {
			int count = colourCount[i / 3];
			colours[i] = (byte) ((count > 0) ? Math.round((double) colour[i] / count) : 0);
		}
		return new ImageFingerprint(hash(luma), colours);
	}

	/** How many of the two hashes' 64 bits differ. */
	public int hashDistance(ImageFingerprint other) {
		return Long.bitCount(this.hash ^ other.hash);
	}

	/** The largest difference of one colour of one grid cell, 0 to 255. */
	public int colourDistance(ImageFingerprint other) {
		int most = 0;
		for (int i = 0; i < this.colours.length; i++) {
			most = Math.max(most, Math.abs((this.colours[i] & 0xFF) - (other.colours[i] & 0xFF)));
		}
		return most;
	}

	/**
	 * The lowest frequencies of the reduction's DCT, one bit each against their median.
	 */
	private static long hash(double[] luma) {
		// the DCT is separable: rows first, then columns, only the lowest frequencies
		double[] rows = new double[REDUCED * FREQUENCIES];
		for (int y = 0; y < REDUCED; y++) {
			for (int u = 0; u < FREQUENCIES; u++) {
				double sum = 0;
				for (int x = 0; x < REDUCED; x++) {
					sum += luma[y * REDUCED + x] * COSINES[u][x];
				}
				rows[y * FREQUENCIES + u] = sum;
			}
		}
		double[] coefficients = new double[FREQUENCIES * FREQUENCIES - 1];
		for (int v = 0; v < FREQUENCIES; v++) {
			for (int u = 0; u < FREQUENCIES; u++) {
				if (u == 0 && v == 0) {
					// the mean brightness: a brighter copy is the same picture
					continue;
				}
				double sum = 0;
				for (int y = 0; y < REDUCED; y++) {
					sum += rows[y * FREQUENCIES + u] * COSINES[v][y];
				}
				coefficients[v * FREQUENCIES + u - 1] = sum;
			}
		}
		double[] sorted = coefficients.clone();
		Arrays.sort(sorted);
		double median = sorted[sorted.length / 2];
		long hash = 0;
		for (int i = 0; i < coefficients.length; i++) {
			if (coefficients[i] > median) {
				hash |= 1L << i;
			}
		}
		return hash;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ImageFingerprint that && this.hash == that.hash
				&& Arrays.equals(this.colours, that.colours);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.hash) * 31 + Arrays.hashCode(this.colours);
	}

	@Override
	public String toString() {
		return "ImageFingerprint[" + Long.toHexString(this.hash) + "]";
	}

}
