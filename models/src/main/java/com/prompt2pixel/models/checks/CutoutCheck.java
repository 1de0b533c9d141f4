package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the product's cut-out looks sound in the image: the matte's own confidence (low
 * when the product's colour is close to its backdrop's), a product neither lost in the
 * frame nor filling it, not cut off at the frame's edge, without pinholes (specks of
 * scene showing through a solid product), and without a halo (a rim brighter or darker
 * than both the product inside it and the scene outside, the old backdrop's light). Trips
 * as {@value #FLAG}.
 */
public final class CutoutCheck {

	public static final String NAME = "cutout";

	public static final String FLAG = "CUTOUT_SUSPECT";

	/** A pinhole is a hole in the product at most this many pixels large. */
	private static final int PINHOLE_PIXELS = 24;

	/** More than this many pinholes and the cut is suspect. */
	private static final int MOST_PINHOLES = 3;

	/** How much brighter or darker than both sides a rim pixel must be to be halo. */
	private static final int HALO_STEP = 30;

	private final double minConfidence;

	private final double minShare;

	private final double maxShare;

	private final double maxHaloShare;

	/**
	 * @param minConfidence the least matte confidence, 0 to 1
	 * @param minShare the least share of the image the product may cover
	 * @param maxShare the largest
	 * @param maxHaloShare the largest share of the product's rim that may be halo
	 */
	public CutoutCheck(double minConfidence, double minShare, double maxShare, double maxHaloShare) {
		this.minConfidence = minConfidence;
		this.minShare = minShare;
		this.maxShare = maxShare;
		this.maxHaloShare = maxHaloShare;
	}

	/**
	 * @param image the generated image
	 * @param mask the product's mask, at the image's size, 0 to 255
	 * @param matteConfidence the cut's confidence as the matte reported it; null if
	 * unknown
	 */
	public CheckResult check(BufferedImage image, byte[] mask, Double matteConfidence) {
		int width = image.getWidth();
		int height = image.getHeight();
		List<String> problems = new ArrayList<>();
		double score = 1;
		if (matteConfidence != null && matteConfidence < this.minConfidence) {
			problems.add(String.format(Locale.ROOT,
					"the cut-out's confidence %.2f is under %.2f: the product is close to its backdrop's colour",
					matteConfidence, this.minConfidence));
		}
		if (matteConfidence != null) {
			score = Math.min(score, matteConfidence);
		}
		long product = 0;
		for (byte value : mask) {
			product += ((value & 0xFF) >= 128) ? 1 : 0;
		}
		double share = (double) product / mask.length;
		if (share < this.minShare || share > this.maxShare) {
			problems.add(String.format(Locale.ROOT, "the product covers %.1f%% of the image, outside %.1f%% to %.0f%%",
					100 * share, 100 * this.minShare, 100 * this.maxShare));
			score = 0;
		}
		int cutSides = sidesTouched(mask, width, height);
		if (cutSides > 0) {
			problems.add("the product runs into " + cutSides + " edge" + ((cutSides > 1) ? "s" : "")
					+ " of the frame: cut off");
			score = Math.min(score, 0.5);
		}
		int pinholes = pinholes(mask, width, height);
		if (pinholes > MOST_PINHOLES) {
			problems.add(pinholes + " pinholes in the product: specks of the scene show through it");
			score = Math.min(score, 0.5);
		}
		double halo = haloShare(image, mask, width, height);
		if (halo > this.maxHaloShare) {
			problems.add(String.format(Locale.ROOT, "%.0f%% of the product's rim is a halo, over %.0f%%", 100 * halo,
					100 * this.maxHaloShare));
		}
		score = Math.min(score, 1 - halo);
		return new CheckResult(NAME, FLAG, score, problems);
	}

	/** How many of the frame's sides the product covers more than 2% of. */
	private static int sidesTouched(byte[] mask, int width, int height) {
		int top = 0;
		int bottom = 0;
		int left = 0;
		int right = 0;
		for (int x = 0; x < width; x++) {
			top += ((mask[x] & 0xFF) >= 128) ? 1 : 0;
			bottom += ((mask[(height - 1) * width + x] & 0xFF) >= 128) ? 1 : 0;
		}
		for (int y = 0; y < height; y++) {
			left += ((mask[y * width] & 0xFF) >= 128) ? 1 : 0;
			right += ((mask[y * width + width - 1] & 0xFF) >= 128) ? 1 : 0;
		}
		int sides = 0;
		for (int[] side : new int[][] { { top, width }, { bottom, width }, { left, height }, { right, height } }) {
			sides += (side[0] > 0.02 * side[1]) ? 1 : 0;
		}
		return sides;
	}

	/**
	 * Holes in the product no scene reaches from the frame's edge, at most
	 * {@value #PINHOLE_PIXELS} pixels each (a mug's handle or a ring's middle is no
	 * pinhole). Only the product's box, a pixel wider, is searched: everything outside it
	 * is scene joined to the frame's edge.
	 */
	private static int pinholes(byte[] mask, int width, int height) {
		int[] box = Masks.box(mask, width, height);
		if (box == null) {
			return 0;
		}
		int left = Math.max(0, box[0] - 1);
		int top = Math.max(0, box[1] - 1);
		int boxWidth = Math.min(width - 1, box[2] + 1) - left + 1;
		int boxHeight = Math.min(height - 1, box[3] + 1) - top + 1;
		int n = boxWidth * boxHeight;
		boolean[] scene = new boolean[n];
		for (int y = 0; y < boxHeight; y++) {
			for (int x = 0; x < boxWidth; x++) {
				scene[y * boxWidth + x] = (mask[(top + y) * width + left + x] & 0xFF) < 128;
			}
		}
		boolean[] seen = new boolean[n];
		int[] queue = new int[n];
		int tail = 0;
		for (int y = 0; y < boxHeight; y++) {
			for (int x = 0; x < boxWidth; x++) {
				int i = y * boxWidth + x;
				boolean edge = x == 0 || y == 0 || x == boxWidth - 1 || y == boxHeight - 1;
				if (edge && scene[i]) {
					seen[i] = true;
					queue[tail++] = i;
				}
			}
		}
		flood(scene, boxWidth, seen, queue, 0, tail);
		int holes = 0;
		for (int i = 0; i < n; i++) {
			if (scene[i] && !seen[i]) {
				seen[i] = true;
				queue[0] = i;
				holes += (flood(scene, boxWidth, seen, queue, 0, 1) <= PINHOLE_PIXELS) ? 1 : 0;
			}
		}
		return holes;
	}

	/**
	 * Breadth first over scene pixels from the queued ones; returns the queue's length.
	 */
	private static int flood(boolean[] scene, int width, boolean[] seen, int[] queue, int head, int tail) {
		int n = scene.length;
		while (head < tail) {
			int i = queue[head++];
			int x = i % width;
			if (x > 0) {
				tail = visit(scene, seen, queue, tail, i - 1);
			}
			if (x < width - 1) {
				tail = visit(scene, seen, queue, tail, i + 1);
			}
			if (i >= width) {
				tail = visit(scene, seen, queue, tail, i - width);
			}
			if (i + width < n) {
				tail = visit(scene, seen, queue, tail, i + width);
			}
		}
		return tail;
	}

	private static int visit(boolean[] scene, boolean[] seen, int[] queue, int tail, int j) {
		if (scene[j] && !seen[j]) {
			seen[j] = true;
			queue[tail++] = j;
		}
		return tail;
	}

	/**
	 * The share of the product's soft rim (mask strictly between 10% and 90%) that is
	 * brighter or darker than both the nearest product inside and scene outside, two
	 * pixels along its row.
	 */
	private static double haloShare(BufferedImage image, byte[] mask, int width, int height) {
		long rim = 0;
		long halo = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 2; x < width - 2; x++) {
				int m = mask[y * width + x] & 0xFF;
				if (m <= 25 || m >= 230) {
					continue;
				}
				int leftMask = mask[y * width + x - 2] & 0xFF;
				int rightMask = mask[y * width + x + 2] & 0xFF;
				int inside;
				int outside;
				if (leftMask >= 230 && rightMask <= 25) {
					inside = x - 2;
					outside = x + 2;
				}
				else if (rightMask >= 230 && leftMask <= 25) {
					inside = x + 2;
					outside = x - 2;
				}
				else {
					continue;
				}
				rim++;
				int here = Masks.luma(image.getRGB(x, y));
				int in = Masks.luma(image.getRGB(inside, y));
				int out = Masks.luma(image.getRGB(outside, y));
				if ((here > in + HALO_STEP && here > out + HALO_STEP)
						|| (here < in - HALO_STEP && here < out - HALO_STEP)) {
					halo++;
				}
			}
		}
		return (rim == 0) ? 0 : (double) halo / rim;
	}

}
