package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.prompt2pixel.models.Pixels;

/**
 * Whether the product is sharp and exposed: the variance of the Laplacian over the
 * product's box (low when blurred; a scene's background may be out of focus on purpose)
 * and the share of the product's pixels clipped to black or white (a seamless white
 * backdrop is clipped on purpose). Without a product mask, over the whole image. Measured
 * on the image reduced to at most {@value #MOST_SIDE} pixels a side by averaging, so that
 * the thresholds hold at any size and noise does not pass for detail. Trips as
 * {@value #FLAG}.
 */
public final class QualityCheck {

	public static final String NAME = "quality";

	public static final String FLAG = "LOW_QUALITY";

	static final int MOST_SIDE = 512;

	private final double minSharpness;

	private final double maxClippedShare;

	/**
	 * @param minSharpness the least variance of the Laplacian of luma (0 to 255 scale)
	 * @param maxClippedShare the largest share of pixels at luma 2 or less or 253 or more
	 */
	public QualityCheck(double minSharpness, double maxClippedShare) {
		this.minSharpness = minSharpness;
		this.maxClippedShare = maxClippedShare;
	}

	/**
	 * @param image the generated image
	 * @param mask the product's mask at the image's size (0 to 255), or null for an image
	 * with no product placed
	 */
	public CheckResult check(BufferedImage image, byte[] mask) {
		int[] box = (mask == null) ? null : Masks.box(mask, image.getWidth(), image.getHeight());
		int step = Math.max(1, (Math.max(image.getWidth(), image.getHeight()) + MOST_SIDE - 1) / MOST_SIDE);
		int width = image.getWidth() / step;
		int height = image.getHeight() / step;
		int[] argb = Pixels.argb(image);
		float[] luma = new float[width * height];
		long clipped = 0;
		long judged = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int sum = 0;
				boolean product = mask == null;
				for (int dy = 0; dy < step; dy++) {
					int row = (y * step + dy) * image.getWidth() + x * step;
					for (int dx = 0; dx < step; dx++) {
						sum += Masks.luma(argb[row + dx]);
						product |= mask != null && (mask[row + dx] & 0xFF) >= 128;
					}
				}
				float value = (float) sum / (step * step);
				luma[y * width + x] = value;
				if (product) {
					judged++;
					clipped += (value <= 2 || value >= 253) ? 1 : 0;
				}
			}
		}
		int left = (box == null) ? 1 : Math.max(1, box[0] / step);
		int top = (box == null) ? 1 : Math.max(1, box[1] / step);
		int right = (box == null) ? width - 1 : Math.min(width - 1, box[2] / step + 1);
		int bottom = (box == null) ? height - 1 : Math.min(height - 1, box[3] / step + 1);
		double sum = 0;
		double squares = 0;
		long count = 0;
		for (int y = top; y < bottom; y++) {
			for (int x = left; x < right; x++) {
				int i = y * width + x;
				double laplacian = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
				sum += laplacian;
				squares += laplacian * laplacian;
				count++;
			}
		}
		double sharpness = (count == 0) ? 0 : squares / count - (sum / count) * (sum / count);
		double clippedShare = (judged == 0) ? 0 : (double) clipped / judged;
		List<String> problems = new ArrayList<>();
		// a product a few pixels across has too little to judge its focus by
		if (count >= 64 && sharpness < this.minSharpness) {
			problems.add(String.format(Locale.ROOT, "the %s is blurred: its sharpness %.1f is under %.1f",
					(box == null) ? "image" : "product", sharpness, this.minSharpness));
		}
		if (clippedShare > this.maxClippedShare) {
			problems.add(String.format(Locale.ROOT, "%.0f%% of the %s is clipped to black or white, over %.0f%%",
					100 * clippedShare, (mask == null) ? "image" : "product", 100 * this.maxClippedShare));
		}
		double score = Math.min(1, sharpness / (2 * this.minSharpness)) * (1 - clippedShare);
		return new CheckResult(NAME, FLAG, score, problems);
	}

}
