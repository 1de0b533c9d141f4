package com.prompt2pixel.moderate;

import java.util.Locale;

/**
 * Which of a merchant's images a person sees before they are published. An image a check
 * flags is always held; the policy decides about the images that pass every check.
 *
 * @param mode AUTO (passing images are approved), ALL (every image is held) or SAMPLE
 * (passing images are held at {@code samplePercent})
 * @param samplePercent the share of passing images held, 0 to 100; 0 unless SAMPLE
 */
public record ReviewPolicy(Mode mode, int samplePercent) {

	/** What a merchant with no policy set has. */
	public static final ReviewPolicy AUTO = new ReviewPolicy(Mode.AUTO, 0);

	/** The reason a sampled image is held with, before its share. */
	static final String SAMPLED = "SAMPLED";

	/** The reason an image is held with under ALL. */
	static final String REVIEW_ALL = "REVIEW_ALL";

	public enum Mode {

		AUTO, ALL, SAMPLE;

		/**
		 * @throws IllegalArgumentException naming the modes there are
		 */
		public static Mode parse(String text) {
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new IllegalArgumentException("policy must be auto, all or sample, was '" + text + "'");
			}
		}

	}

	/**
	 * @throws IllegalArgumentException when the share is outside 0 to 100, or given for a
	 * mode other than SAMPLE
	 */
	public ReviewPolicy {
		if (samplePercent < 0 || samplePercent > 100) {
			throw new IllegalArgumentException("sample percent must be between 0 and 100, was " + samplePercent);
		}
		if (mode != Mode.SAMPLE && samplePercent != 0) {
			throw new IllegalArgumentException("a sample percent only goes with the policy 'sample', not '"
					+ mode.name().toLowerCase(Locale.ROOT) + "'");
		}
	}

	/**
	 * Why an image that passed every check is held, or null when it is not. Sampling is a
	 * function of the task's id, so a redone chunk holds the same images: the id's bits
	 * are mixed (SplitMix64's finaliser) so that consecutive tasks, a product's scenes,
	 * are sampled independently.
	 */
	String holdPassing(long taskId) {
		return switch (this.mode) {
			case AUTO -> null;
			case ALL -> REVIEW_ALL + ": the merchant's policy reviews every image";
			case SAMPLE -> (Long.remainderUnsigned(mix(taskId), 100) < this.samplePercent)
					? SAMPLED + ": quality-control sample of " + this.samplePercent + "% of passing images" : null;
		};
	}

	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
