package com.prompt2pixel.models;

import java.util.Objects;

/**
 * What one image should show.
 *
 * @param prompt the positive prompt
 * @param negativePrompt what the image must not show
 * @param seed the seed; the same request with the same seed gives the same image
 * @param width width in pixels
 * @param height height in pixels
 * @param productPhoto the merchant's product photo as encoded image bytes (PNG, JPEG...)
 * @param style scene colours and composition hints for non-generative backends
 * @param sampling steps, guidance and scheduler for diffusion backends
 * @param matte how the product is cut out of its photo
 */
public record ImageRequest(String prompt, String negativePrompt, long seed, int width, int height, byte[] productPhoto,
		SceneStyle style, Sampling sampling, ProductMatte matte) {

	/** A request whose product is cut out the {@code auto} way. */
	public ImageRequest(String prompt, String negativePrompt, long seed, int width, int height, byte[] productPhoto,
			SceneStyle style, Sampling sampling) {
		this(prompt, negativePrompt, seed, width, height, productPhoto, style, sampling,
				ProductMatte.named("auto", null));
	}

	public ImageRequest {
		Objects.requireNonNull(prompt, "prompt");
		Objects.requireNonNull(negativePrompt, "negativePrompt");
		Objects.requireNonNull(productPhoto, "productPhoto");
		Objects.requireNonNull(style, "style");
		Objects.requireNonNull(sampling, "sampling");
		Objects.requireNonNull(matte, "matte");
		if (width < 8 || height < 8) {
			throw new IllegalArgumentException("image size must be at least 8x8, was " + width + "x" + height);
		}
	}

}
