package com.prompt2pixel.models.checks;

import java.awt.image.BufferedImage;

/**
 * A model that tells how likely an image is unsafe to publish (nudity, sexual content):
 * the safety check's judge, behind an interface so that the check does not know the
 * engine.
 */
public interface ImageClassifier extends AutoCloseable {

	/** The model's name, as a reviewer reads it beside the score. */
	String name();

	/** The probability, 0 to 1, that the image is unsafe. */
	double unsafe(BufferedImage image);

	@Override
	default void close() {
	}

}
