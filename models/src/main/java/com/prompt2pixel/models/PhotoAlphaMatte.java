package com.prompt2pixel.models;

import java.awt.image.BufferedImage;

/**
 * The photo's own alpha channel, when it has a meaningful one (a transparent PNG or WebP
 * product shot): some of it clear and some of it opaque. Taken as the photographer made
 * it, with confidence 1.
 */
final class PhotoAlphaMatte implements ProductMatte {

	/** Each of clear and opaque must cover at least this share of the photo. */
	private static final double MEANINGFUL_SHARE = 0.01;

	@Override
	public String method() {
		return "alpha";
	}

	/** Whether the photo has an alpha channel with some of it clear and some opaque. */
	static boolean isMeaningful(BufferedImage photo) {
		if (!photo.getColorModel().hasAlpha()) {
			return false;
		}
		int width = photo.getWidth();
		int[] argb = photo.getRGB(0, 0, width, photo.getHeight(), null, 0, width);
		long clear = 0;
		for (int pixel : argb) {
			if ((pixel >>> 24) < 128) {
				clear++;
			}
		}
		return clear >= MEANINGFUL_SHARE * argb.length && argb.length - clear >= MEANINGFUL_SHARE * argb.length;
	}

	@Override
	public Matte matte(BufferedImage photo) {
		int width = photo.getWidth();
		int height = photo.getHeight();
		byte[] alpha = new byte[width * height];
		long clear = 0;
		long opaque = 0;
		if (photo.getColorModel().hasAlpha()) {
			int[] argb = photo.getRGB(0, 0, width, height, null, 0, width);
			for (int i = 0; i < argb.length; i++) {
				int a = argb[i] >>> 24;
				alpha[i] = (byte) a;
				if (a < 128) {
					clear++;
				}
				else {
					opaque++;
				}
			}
		}
		if (clear < MEANINGFUL_SHARE * alpha.length || opaque < MEANINGFUL_SHARE * alpha.length) {
			throw new IllegalArgumentException(
					"the photo has no meaningful alpha channel ("
							+ (photo.getColorModel().hasAlpha()
									? "it is almost all " + ((clear > opaque) ? "clear" : "opaque") : "it has none")
							+ "); use the keyer");
		}
		return new Matte(width, height, alpha, 1.0, method());
	}

}
