package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts a product out of a plain studio background. The background colour is the median of
 * the border; when at least 90% of the border is close to it, every pixel connected to
 * the border through similar colours becomes transparent. Pixels of the same colour
 * enclosed by the product (the inside of a white mug) stay, because they are not
 * connected to the border.
 */
final class BackgroundKeyer {

	/** Largest per-channel difference that still counts as background. */
	private static final int TOLERANCE = 28;

	private static final double PLAIN_BORDER_SHARE = 0.9;

	private BackgroundKeyer() {
	}

	/**
	 * The product on a transparent background, cropped to its bounds; the photo unchanged
	 * (but cropped to any existing transparency) when its background is not plain.
	 */
	static BufferedImage cutOut(BufferedImage photo) {
		Keyed keyed = key(photo);
		int width = photo.getWidth();
		int height = photo.getHeight();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(0, 0, width, height, keyed.argb(), 0, width);
		return cropToOpaque(image, keyed.argb(), width, height);
	}

	/**
	 * The photo at its own size with its background made transparent, when it is plain.
	 *
	 * @param argb the keyed pixels, row by row
	 * @param background the background colour, the border's median
	 * @param plain whether the border was plain enough to key
	 */
	record Keyed(int[] argb, int background, boolean plain) {
	}

	static Keyed key(BufferedImage photo) {
		int width = photo.getWidth();
		int height = photo.getHeight();
		int[] argb = photo.getRGB(0, 0, width, height, null, 0, width);
		int[] border = borderPixels(argb, width, height);
		int background = median(border);
		long plainPixels = Arrays.stream(border).filter((pixel) -> distance(pixel, background) <= TOLERANCE).count();
		boolean plain = plainPixels >= PLAIN_BORDER_SHARE * border.length;
		if (plain) {
			floodFromBorder(argb, width, height, background);
		}
		return new Keyed(argb, background, plain);
	}

	private static void floodFromBorder(int[] argb, int width, int height, int background) {
		boolean[] isBackground = new boolean[argb.length];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int x = 0; x < width; x++) {
			enqueue(argb, isBackground, queue, x, background);
			enqueue(argb, isBackground, queue, (height - 1) * width + x, background);
		}
		for (int y = 0; y < height; y++) {
			enqueue(argb, isBackground, queue, y * width, background);
			enqueue(argb, isBackground, queue, y * width + width - 1, background);
		}
		while (!queue.isEmpty()) {
			int index = queue.poll();
			int x = index % width;
			int y = index / width;
			if (x > 0) {
				enqueue(argb, isBackground, queue, index - 1, background);
			}
			if (x < width - 1) {
				enqueue(argb, isBackground, queue, index + 1, background);
			}
			if (y > 0) {
				enqueue(argb, isBackground, queue, index - width, background);
			}
			if (y < height - 1) {
				enqueue(argb, isBackground, queue, index + width, background);
			}
		}
		for (int i = 0; i < argb.length; i++) {
			if (isBackground[i]) {
				argb[i] = 0;
			}
			else if (touchesBackground(isBackground, i, width, height)) {
				argb[i] = softenEdge(argb[i], background);
			}
		}
	}

	private static void enqueue(int[] argb, boolean[] isBackground, ArrayDeque<Integer> queue, int index,
			int background) {
		if (!isBackground[index] && distance(argb[index], background) <= TOLERANCE) {
			isBackground[index] = true;
			queue.add(index);
		}
	}

	private static boolean touchesBackground(boolean[] isBackground, int index, int width, int height) {
		int x = index % width;
		int y = index / width;
		return (x > 0 && isBackground[index - 1]) || (x < width - 1 && isBackground[index + 1])
				|| (y > 0 && isBackground[index - width]) || (y < height - 1 && isBackground[index + width]);
	}

	/**
	 * Edge pixels that are still close to the background fade out instead of leaving a
	 * halo.
	 */
	private static int softenEdge(int pixel, int background) {
		int over = distance(pixel, background) - TOLERANCE;
		int alpha = Math.min(255, Math.max(40, over * 255 / TOLERANCE));
		int ownAlpha = pixel >>> 24;
		return (Math.min(alpha, ownAlpha) << 24) | (pixel & 0xFFFFFF);
	}

	private static BufferedImage cropToOpaque(BufferedImage image, int[] argb, int width, int height) {
		int minX = width;
		int minY = height;
		int maxX = -1;
		int maxY = -1;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if ((argb[y * width + x] >>> 24) > 0) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		if (maxX < 0) {
			throw new IllegalArgumentException(
					"the product photo has no visible pixels once its background is removed");
		}
		return image.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
	}

	private static int[] borderPixels(int[] argb, int width, int height) {
		int[] border = new int[2 * width + 2 * Math.max(0, height - 2)];
		int n = 0;
		for (int x = 0; x < width; x++) {
			border[n++] = argb[x];
			if (height > 1) {
				border[n++] = argb[(height - 1) * width + x];
			}
		}
		for (int y = 1; y < height - 1; y++) {
			border[n++] = argb[y * width];
			if (width > 1) {
				border[n++] = argb[y * width + width - 1];
			}
		}
		return Arrays.copyOf(border, n);
	}

	private static int median(int[] pixels) {
		int alpha = medianOf(pixels, 24);
		return (alpha << 24) | (medianOf(pixels, 16) << 16) | (medianOf(pixels, 8) << 8) | medianOf(pixels, 0);
	}

	private static int medianOf(int[] pixels, int shift) {
		int[] channel = Arrays.stream(pixels).map((pixel) -> (pixel >>> shift) & 0xFF).sorted().toArray();
		return channel[channel.length / 2];
	}

	/**
	 * Largest difference over the four channels; fully transparent pixels all count as
	 * equal.
	 */
	static int distance(int a, int b) {
		if ((a >>> 24) == 0 && (b >>> 24) == 0) {
			return 0;
		}
		int max = 0;
		for (int shift = 0; shift <= 24; shift += 8) {
			max = Math.max(max, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
		}
		return max;
	}

}
