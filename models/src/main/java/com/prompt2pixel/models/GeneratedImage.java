package com.prompt2pixel.models;

/**
 * One finished image, as pixels: encoding happens once, after the generator has returned
 * (and freed its GPU lane), in the format the caller wants.
 *
 * @param pixels the image
 * @param productMask per pixel, row by row, how much of it is the merchant's own product
 * (1 product, 0 scene, between on its soft edge), as the generator kept it; null when the
 * generator placed no product (text to image)
 * @param backend the backend that made it
 * @param model the model (or renderer) that made it
 * @param generative whether a generative model made it
 * @param renderMillis this image's share of the batch's render time
 * @param matteMethod how the product was cut out of its photo ({@code alpha},
 * {@code keyer}, {@code model}); null when no product was placed
 * @param matteConfidence that cut's confidence, 0 to 1; null when no product was placed
 */
public record GeneratedImage(RgbImage pixels, float[] productMask, String backend, String model, boolean generative,
		long renderMillis, String matteMethod, Double matteConfidence) {

	/** An image in which no product was placed (text to image). */
	public GeneratedImage(RgbImage pixels, String backend, String model, boolean generative, long renderMillis) {
		this(pixels, null, backend, model, generative, renderMillis, null, null);
	}

	/**
	 * An image made from a composed scene: the product's mask and cut are the scene's.
	 */
	public GeneratedImage(RgbImage pixels, SceneComposer.Composition scene, String backend, String model,
			boolean generative, long renderMillis) {
		this(pixels, scene.productAlpha(), backend, model, generative, renderMillis, scene.matteMethod(),
				scene.matteConfidence());
	}

	public GeneratedImage {
		if (productMask != null && productMask.length != pixels.width() * pixels.height()) {
			throw new IllegalArgumentException("a product mask of " + productMask.length + " values for an image of "
					+ pixels.width() + "x" + pixels.height());
		}
	}

}
