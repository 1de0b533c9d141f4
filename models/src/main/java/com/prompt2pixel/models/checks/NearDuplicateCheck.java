package com.prompt2pixel.models.checks;

import java.util.List;

/**
 * Whether an image is a near copy of another one: their perceptual hashes differ by at
 * most a few bits and their colours nearly match (see {@link ImageFingerprint}). Byte
 * copies are near copies too. Trips as {@value #FLAG}; the score is how far the closest
 * image is, 0 (the same picture) to 1 (nothing alike compared).
 */
public final class NearDuplicateCheck {

	public static final String NAME = "near_duplicate";

	public static final String FLAG = "NEAR_DUPLICATE";

	/** Of the hash's 64 bits. */
	public static final int HASH_BITS = 64;

	private final int maxHashDistance;

	private final int maxColourDistance;

	/**
	 * @param maxHashDistance the most hash bits two near copies differ by (0 to 64)
	 * @param maxColourDistance the largest difference of a grid cell's mean colour two
	 * near copies have (0 to 255)
	 */
	public NearDuplicateCheck(int maxHashDistance, int maxColourDistance) {
		if (maxHashDistance < 0 || maxHashDistance > HASH_BITS || maxColourDistance < 0 || maxColourDistance > 255) {
			throw new IllegalArgumentException(
					"a near-duplicate check takes 0-64 hash bits and 0-255 colour levels, not " + maxHashDistance
							+ " and " + maxColourDistance);
		}
		this.maxHashDistance = maxHashDistance;
		this.maxColourDistance = maxColourDistance;
	}

	/** The most hash bits two near copies differ by. */
	public int maxHashDistance() {
		return this.maxHashDistance;
	}

	/**
	 * An image compared with others, each named as the reason should name it (for example
	 * {@code task 12}).
	 */
	public record Compared(String name, ImageFingerprint fingerprint) {
	}

	/**
	 * @param image the image's fingerprint
	 * @param others the images it must not be a near copy of
	 */
	public CheckResult check(ImageFingerprint image, List<Compared> others) {
		Compared closest = null;
		int closestDistance = HASH_BITS + 1;
		Compared copied = null;
		for (Compared other : others) {
			int distance = image.hashDistance(other.fingerprint());
			if (distance < closestDistance) {
				closest = other;
				closestDistance = distance;
			}
			if (copied == null && distance <= this.maxHashDistance
					&& image.colourDistance(other.fingerprint()) <= this.maxColourDistance) {
				copied = other;
			}
		}
		double score = (closest == null) ? 1.0 : Math.min(1.0, closestDistance / (double) HASH_BITS);
		if (copied == null) {
			return new CheckResult(NAME, FLAG, score, List.of());
		}
		return new CheckResult(NAME, FLAG, score,
				List.of("a near copy of " + copied.name() + " (" + image.hashDistance(copied.fingerprint()) + " of "
						+ HASH_BITS + " hash bits differ, colours within " + image.colourDistance(copied.fingerprint())
						+ " of 255)"));
	}

}
