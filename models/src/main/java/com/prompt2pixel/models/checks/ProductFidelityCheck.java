package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.prompt2pixel.models.Matte;

/**
 * Whether the image shows the product of the photo, whole and as it is: the product the
 * generator placed (its mask) against the product in the photo (a matte of the photo, the
 * reference), each taken from its box and laid on a common grid. Three measures: how much
 * of the two shapes agree (IoU, low when the product was cut), how far the box's aspect
 * moved (stretched), and how far the colours inside moved (mean absolute difference a
 * channel, high when recoloured or regenerated). Trips as {@value #FLAG}.
 */
public final class ProductFidelityCheck {

	public static final String NAME = "fidelity";

	public static final String FLAG = "PRODUCT_ALTERED";

	/**
	 * The grid's cells along a box's longer side: plenty to tell a cut, cheap at any
	 * size.
	 */
	private static final int GRID = 160;

	private final double minCoverage;

	private final double maxAspectChange;

	private final double maxColourDifference;

	/**
	 * @param minCoverage the least IoU of the two shapes, 0 to 1
	 * @param maxAspectChange the most the box's width to height may change, as a share
	 * @param maxColourDifference the most mean absolute difference a channel, 0 to 255
	 */
	public ProductFidelityCheck(double minCoverage, double maxAspectChange, double maxColourDifference) {
		this.minCoverage = minCoverage;
		this.maxAspectChange = maxAspectChange;
		this.maxColourDifference = maxColourDifference;
	}

	/**
	 * @param image the generated image
	 * @param mask the product's mask the generator used, at the image's size, 0 to 255
	 * @param photo the product's photo
	 * @param reference the photo's matte: what the product is
	 */
	public CheckResult check(BufferedImage image, byte[] mask, BufferedImage photo, Matte reference) {
		int[] placed = Masks.box(mask, image.getWidth(), image.getHeight());
		if (placed == null) {
			return new CheckResult(NAME, FLAG, 0.0, List.of("the image shows none of the product"));
		}
		int[] original = Masks.box(reference.alpha(), reference.width(), reference.height());
		if (original == null) {
			return CheckResult.notRun(NAME, FLAG, "the photo's matte found no product to compare with");
		}
		double placedWidth = placed[2] - placed[0] + 1;
		double placedHeight = placed[3] - placed[1] + 1;
		double originalWidth = original[2] - original[0] + 1;
		double originalHeight = original[3] - original[1] + 1;
		double aspectChange = Math.abs((placedWidth / placedHeight) / (originalWidth / originalHeight) - 1);
		double cell = Math.max(placedWidth, placedHeight) / GRID;
		int across = Math.max(1, (int) Math.round(placedWidth / cell));
		int down = Math.max(1, (int) Math.round(placedHeight / cell));
		long both = 0;
		long either = 0;
		double difference = 0;
		long compared = 0;
		for (int row = 0; row < down; row++) {
			double v = (row + 0.5) / down;
			int iy = (int) (placed[1] + v * placedHeight);
			int py = (int) (original[1] + v * originalHeight);
			for (int column = 0; column < across; column++) {
				double u = (column + 0.5) / across;
				int ix = (int) (placed[0] + u * placedWidth);
				int px = (int) (original[0] + u * originalWidth);
				int inImage = mask[iy * image.getWidth() + ix] & 0xFF;
				int inPhoto = reference.alphaAt(px, py);
				boolean a = inImage >= 128;
				boolean b = inPhoto >= 128;
				both += (a && b) ? 1 : 0;
				either += (a || b) ? 1 : 0;
				if (inImage >= 250 && inPhoto >= 250) {
					int shown = image.getRGB(ix, iy);
					int taken = photo.getRGB(px, py);
					difference += (Math.abs(((shown >> 16) & 0xFF) - ((taken >> 16) & 0xFF))
							+ Math.abs(((shown >> 8) & 0xFF) - ((taken >> 8) & 0xFF))
							+ Math.abs((shown & 0xFF) - (taken & 0xFF))) / 3.0;
					compared++;
				}
			}
		}
		double coverage = (either == 0) ? 0 : (double) both / either;
		// a product all rim (a wire, a thin frame drawn small) has no inside to compare
		double colour = (compared == 0) ? 0 : difference / compared;
		List<String> problems = new ArrayList<>();
		if (coverage < this.minCoverage) {
			problems.add(String.format(Locale.ROOT,
					"the product's shape agrees with the photo's by %.2f (IoU), under %.2f: cut or covered", coverage,
					this.minCoverage));
		}
		if (aspectChange > this.maxAspectChange) {
			problems
				.add(String.format(Locale.ROOT, "the product's width to height moved by %.0f%%, over %.0f%%: stretched",
						100 * aspectChange, 100 * this.maxAspectChange));
		}
		if (colour > this.maxColourDifference) {
			problems.add(String.format(Locale.ROOT,
					"the product's colours differ from the photo's by %.1f a channel (of 255), over %.1f: recoloured or redrawn",
					colour, this.maxColourDifference));
		}
		double score = coverage * (1 - Math.min(1, aspectChange)) * (1 - Math.min(1, colour / 64));
		return new CheckResult(NAME, FLAG, score, problems);
	}

}
