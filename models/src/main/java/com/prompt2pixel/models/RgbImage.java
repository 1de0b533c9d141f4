package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An image's pixels as generators hand them over: interleaved 8-bit RGB, row by row from
 * the top, the layout a VAE's output is read into and the PNG encoder takes, so nothing
 * is converted on the way. Equal when the pixels are.
 */
public final class RgbImage {

	private final int width;

	private final int height;

	private final byte[] rgb;

	/**
	 * @param rgb {@code width * height * 3} bytes, held (not copied): the caller hands
	 * them over
	 */
	public RgbImage(int width, int height, byte[] rgb) {
		if (width < 1 || height < 1 || rgb.length != width * height * 3) {
			throw new IllegalArgumentException("expected " + ((long) width * height * 3) + " bytes of RGB for " + width
					+ "x" + height + ", got " + rgb.length);
		}
		this.width = width;
		this.height = height;
		this.rgb = rgb;
	}

	public static RgbImage of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
		byte[] rgb = new byte[width * height * 3];
		for (int i = 0; i < argb.length; i++) {
			rgb[3 * i] = (byte) (argb[i] >> 16);
			rgb[3 * i + 1] = (byte) (argb[i] >> 8);
			rgb[3 * i + 2] = (byte) argb[i];
		}
		return new RgbImage(width, height, rgb);
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/** The pixels themselves, not a copy. */
	public byte[] rgb() {
		return this.rgb;
	}

	/** The pixels as a Java 2D image, for checks and other encoders. */
	public BufferedImage toBufferedImage() {
		BufferedImage image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_RGB);
		int[] argb = new int[this.width * this.height];
		for (int i = 0; i < argb.length; i++) {
			argb[i] = ((this.rgb[3 * i] & 0xFF) << 16) | ((this.rgb[3 * i + 1] & 0xFF) << 8)
					| (this.rgb[3 * i + 2] & 0xFF);
		}
		image.setRGB(0, 0, this.width, this.height, argb, 0, this.width);
		return image;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RgbImage that && this.width == that.width && this.height == that.height
				&& Arrays.equals(this.rgb, that.rgb);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.width + this.height) + Arrays.hashCode(this.rgb);
	}

	@Override
	public String toString() {
		return "RgbImage[" + this.width + "x" + this.height + "]";
	}

}
