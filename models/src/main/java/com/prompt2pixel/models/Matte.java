package com.prompt2pixel.models;

import java.awt.image.BufferedImage;

/**
 * Which pixels of a product photo are the product: an alpha per pixel at the photo's size
 * (255 the product, 0 the background), how far to trust it, and how it was made.
 *
 * @param width the photo's width
 * @param height the photo's height
 * @param alpha one value a pixel, row by row
 * @param confidence 0 to 1: low when the method could barely tell the product from its
 * background (a white product on white)
 * @param method what made it: {@code alpha}, {@code keyer}, {@code model}
 */
public record Matte(int width, int height, byte[] alpha, double confidence, String method) {

	public Matte {
		if (alpha.length != width * height) {
			throw new IllegalArgumentException(
					"a matte of " + width + "x" + height + " needs " + width * height + " values, not " + alpha.length);
		}
	}

	/** The alpha of a pixel, 0 to 255. */
	public int alphaAt(int x, int y) {
		return this.alpha[y * this.width + x] & 0xFF;
	}

	/** The share of the photo that is mostly product (alpha 128 or more). */
	public double foregroundShare() {
		long product = 0;
		for (byte value : this.alpha) {
			if ((value & 0xFF) >= 128) {
				product++;
			}
		}
		return (double) product / this.alpha.length;
	}

	/** The matte as an 8-bit grey image, white where the product is. */
	public BufferedImage mask() {
		BufferedImage mask = new BufferedImage(this.width, this.height, BufferedImage.TYPE_BYTE_GRAY);
		mask.getRaster().setDataElements(0, 0, this.width, this.height, this.alpha.clone());
		return mask;
	}

	/**
	 * The photo's product over a grey checkerboard, as an editor shows transparency: what
	 * a merchant looks at to judge the cut-out.
	 */
	public BufferedImage preview(BufferedImage photo) {
		BufferedImage preview = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_RGB);
		int[] argb = photo.getRGB(0, 0, this.width, this.height, null, 0, this.width);
		for (int y = 0; y < this.height; y++) {
			for (int x = 0; x < this.width; x++) {
				int check = (((x / 16) + (y / 16)) % 2 == 0) ? 0xCC : 0x99;
				int pixel = argb[y * this.width + x];
				double a = alphaAt(x, y) / 255.0;
				int r = (int) Math.round(((pixel >> 16) & 0xFF) * a + check * (1 - a));
				int g = (int) Math.round(((pixel >> 8) & 0xFF) * a + check * (1 - a));
				int b = (int) Math.round((pixel & 0xFF) * a + check * (1 - a));
				preview.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return preview;
	}

	/**
	 * The product cut out of its photo: its pixels under this alpha, cropped to where the
	 * product is. A pixel on the soft rim is a mix of product and backdrop; it takes the
	 * colour of the nearest opaque product pixel (within {@value #DECONTAMINATION_REACH}
	 * pixels), so a white backdrop's light does not come along as a halo on a dark scene.
	 * @throws IllegalArgumentException when no pixel is product
	 */
	public CutOut cutOut(BufferedImage photo) {
		int[] argb = photo.getRGB(0, 0, this.width, this.height, null, 0, this.width);
		int minX = this.width;
		int minY = this.height;
		int maxX = -1;
		int maxY = -1;
		int[] out = new int[argb.length];
		for (int y = 0; y < this.height; y++) {
			for (int x = 0; x < this.width; x++) {
				int i = y * this.width + x;
				int a = Math.min(alphaAt(x, y), argb[i] >>> 24);
				if (a == 0) {
					continue;
				}
				minX = Math.min(minX, x);
				maxX = Math.max(maxX, x);
				minY = Math.min(minY, y);
				maxY = Math.max(maxY, y);
				int colour = (a < 255) ? nearestOpaque(argb, x, y) : argb[i];
				out[i] = (a << 24) | (colour & 0xFFFFFF);
			}
		}
		if (maxX < 0) {
			throw new IllegalArgumentException(
					"the product photo has no visible pixels once its background is removed");
		}
		BufferedImage image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(0, 0, this.width, this.height, out, 0, this.width);
		return new CutOut(image.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1), minX, minY);
	}

	/**
	 * A product cut out of its photo.
	 *
	 * @param product the product on a transparent background, cropped to it
	 * @param x the crop's left edge in the photo
	 * @param y the crop's top edge in the photo
	 */
	public record CutOut(BufferedImage product, int x, int y) {
	}

	private static final int DECONTAMINATION_REACH = 2;

	private int nearestOpaque(int[] argb, int x, int y) {
		for (int r = 1; r <= DECONTAMINATION_REACH; r++) {
			for (int dy = -r; dy <= r; dy++) {
				for (int dx = -r; dx <= r; dx++) {
					int nx = x + dx;
					int ny = y + dy;
					if (nx >= 0 && ny >= 0 && nx < this.width && ny < this.height && alphaAt(nx, ny) == 255
							&& (argb[ny * this.width + nx] >>> 24) == 255) {
						return argb[ny * this.width + nx];
					}
				}
			}
		}
		return argb[y * this.width + x];
	}

}
