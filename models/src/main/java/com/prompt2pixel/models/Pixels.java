package com.prompt2pixel.models;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** An image's pixels as one array, read the fast way where the image allows it. */
public final class Pixels {

	private Pixels() {
	}

	/**
	 * The image's pixels as ARGB, row by row, a copy. Straight from the raster for the
	 * two types decoders and the generators give most (a quarter of a 1024² keyer's time,
	 * and a third of the moderation checks', went to {@code getRGB}'s colour model
	 * calls).
	 */
	public static int[] argb(BufferedImage image) {
		int type = image.getType();
		if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
				&& image.getRaster().getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1
				&& image.getRaster().getParent() == null
				&& buffer.getData().length == image.getWidth() * image.getHeight()) {
			int[] argb = buffer.getData().clone();
			if (type == BufferedImage.TYPE_INT_RGB) {
				for (int i = 0; i < argb.length; i++) {
					argb[i] |= 0xFF000000;
				}
			}
			return argb;
		}
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	/**
	 * The image itself when its pixels are ARGB or RGB integers, otherwise a copy that
	 * is: for an image that several readers go through (moderation's checks), which each
	 * then read it the fast way. A decoded PNG is 3- or 4-byte BGR, which {@code getRGB}
	 * converts pixel by pixel through its colour model.
	 */
	public static BufferedImage intRgb(BufferedImage image) {
		int type = image.getType();
		if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
			return image;
		}
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

}
