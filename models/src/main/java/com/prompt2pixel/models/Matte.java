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

}
