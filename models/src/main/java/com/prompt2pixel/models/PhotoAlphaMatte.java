package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.Optional;

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

	@Override
	public Matte matte(BufferedImage photo) {
		return meaningful(photo)
			.orElseThrow(() -> new IllegalArgumentException("the photo has no meaningful alpha " + "channel ("
					+ (photo.getColorModel().hasAlpha() ? "it is almost all clear or all opaque" : "it has none")
					+ "); use the keyer"));
	}

	/**
	 * The photo's alpha as a matte, in one pass over its pixels; empty when it means
	 * nothing.
	 */
	static Optional<Matte> meaningful(BufferedImage photo) {
		if (!photo.getColorModel().hasAlpha()) {
			return Optional.empty();
		}
		int width = photo.getWidth();
		int height = photo.getHeight();
		int[] argb = Pixels.argb(photo);
		byte[] alpha = new byte[argb.length];
		long clear = 0;
		for (int i = 0; i < argb.length; i++) {
			int a = argb[i] >>> 24;
			alpha[i] = (byte) a;
			if (a < 128) {
				clear++;
			}
		}
		long opaque = argb.length - clear;
		if (clear < MEANINGFUL_SHARE * argb.length || opaque < MEANINGFUL_SHARE * argb.length) {
			return Optional.empty();
		}
		return Optional.of(new Matte(width, height, alpha, 1.0, "alpha"));
	}

}
