package com.prompt2pixel.ingest;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

import com.prompt2pixel.models.Matte;
import com.prompt2pixel.models.ProductMatte;

/**
 * How well a product photo can be cut out, judged at import with the matte runs use, so
 * that a merchant hears of a photo the cut-out will struggle with (a white product on
 * white) before paying for a run. Judged on the photo at most {@value #SIDE} pixels a
 * side: a check, not the cut (a 1024² photo would cost the keyer some 50 ms; a fifth of
 * that here).
 */
final class MatteCheck {

	/** Below this confidence the import report carries a warning. */
	static final double LOW = 0.5;

	private static final int SIDE = 512;

	private final ProductMatte matte;

	MatteCheck(ProductMatte matte) {
		this.matte = matte;
	}

	/** The photo's matte, from its decoded pixels. */
	Matte of(BufferedImage photo) {
		return this.matte.matte(atMost(photo, SIDE));
	}

	/** The import report's warning for a matte, or null when it is confident enough. */
	static String warning(Matte matte) {
		if (matte.confidence() >= LOW) {
			return null;
		}
		return String.format(Locale.ROOT,
				"warning: the product may not be cut out cleanly (%s confidence %.2f): its colour is close to the "
						+ "backdrop's or its edge is soft; check it with cutout --preview or send a transparent PNG",
				matte.method(), matte.confidence());
	}

	private static BufferedImage atMost(BufferedImage photo, int side) {
		int longest = Math.max(photo.getWidth(), photo.getHeight());
		if (longest <= side) {
			return photo;
		}
		int width = Math.max(1, photo.getWidth() * side / longest);
		int height = Math.max(1, photo.getHeight() * side / longest);
		boolean alpha = photo.getColorModel().hasAlpha();
		BufferedImage small = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(photo, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return small;
	}

}
