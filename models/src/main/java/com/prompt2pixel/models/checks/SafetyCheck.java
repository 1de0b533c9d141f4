package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Whether the image is safe to publish, as an {@link ImageClassifier} judges it. Without
 * a classifier the check is recorded as not run, never as passed. Trips as
 * {@value #FLAG}.
 */
public final class SafetyCheck implements AutoCloseable {

	public static final String NAME = "safety";

	public static final String FLAG = "UNSAFE";

	private final ImageClassifier classifier;

	private final double maxUnsafe;

	/**
	 * @param classifier the judge; null when none is configured
	 * @param maxUnsafe the highest probability of unsafe content an image may have
	 */
	public SafetyCheck(ImageClassifier classifier, double maxUnsafe) {
		this.classifier = classifier;
		this.maxUnsafe = maxUnsafe;
	}

	/** The classifier's name; null when none is configured. */
	public String classifier() {
		return (this.classifier != null) ? this.classifier.name() : null;
	}

	public CheckResult check(BufferedImage image) {
		if (this.classifier == null) {
			return CheckResult.notRun(NAME, FLAG, "no image classifier is configured: not checked");
		}
		double unsafe = this.classifier.unsafe(image);
		List<String> problems = (unsafe > this.maxUnsafe)
				? List.of(String.format(Locale.ROOT, "%s puts the chance of unsafe content at %.2f, over %.2f",
						this.classifier.name(), unsafe, this.maxUnsafe))
				: List.of();
		return new CheckResult(NAME, FLAG, 1 - unsafe, problems);
	}

	@Override
	public void close() {
		if (this.classifier != null) {
			this.classifier.close();
		}
	}

}
