package com.prompt2pixel.models;

import java.awt.image.BufferedImage;

/**
 * The classical keyer's matte ({@link BackgroundKeyer}). Its confidence is how crisp its
 * cut is: the share of the product's edge pixels that differ from the background pixel
 * beside them by a ΔE of {@value #CRISP} or more (CIELAB), mapped so that a cut crisp
 * along {@value #SURE} of its length or more is 1 and one crisp along {@value #UNSURE} or
 * less is 0. Where the flood ran into a product whose colour fades into the background's
 * (a white mug on white), the cut follows a smooth shading, neighbours barely differ, and
 * the confidence is low. A photo whose border is not plain (nothing keyed) gets 0.
 */
final class KeyerMatte implements ProductMatte {

	/** A ΔE this large between neighbours is an edge the eye sees at once. */
	static final double CRISP = 6;

	static final double SURE = 0.95;

	static final double UNSURE = 0.6;

	@Override
	public String method() {
		return "keyer";
	}

	@Override
	public Matte matte(BufferedImage photo) {
		BackgroundKeyer.Keyed keyed = BackgroundKeyer.key(photo);
		int width = photo.getWidth();
		int height = photo.getHeight();
		double confidence = keyed.plain() ? crispness(keyed.lab(), keyed.alpha(), width, height) : 0;
		return new Matte(width, height, keyed.alpha(), confidence, method());
	}

	/** The share of the cut that runs along a crisp edge, mapped to 0-1. */
	private static double crispness(float[][] lab, byte[] alpha, int width, int height) {
		long edge = 0;
		long crisp = 0;
		int[] steps = { -1, 1, -width, width };
		for (int y = 1; y < height - 1; y++) {
			for (int x = 1; x < width - 1; x++) {
				int i = y * width + x;
				if ((alpha[i] & 0xFF) < 128) {
					continue;
				}
				double contrast = -1;
				for (int step : steps) {
					int j = i + step;
					if ((alpha[j] & 0xFF) < 128) {
						double dl = lab[0][i] - lab[0][j];
						double da = lab[1][i] - lab[1][j];
						double db = lab[2][i] - lab[2][j];
						contrast = Math.max(contrast, Math.sqrt(dl * dl + da * da + db * db));
					}
				}
				if (contrast >= 0) {
					edge++;
					if (contrast >= CRISP) {
						crisp++;
					}
				}
			}
		}
		if (edge == 0) {
			return 0;
		}
		double share = (double) crisp / edge;
		return Math.max(0, Math.min(1, (share - UNSURE) / (SURE - UNSURE)));
	}

}
