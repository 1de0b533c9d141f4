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
 */
public record GeneratedImage(RgbImage pixels, float[] productMask, String backend, String model, boolean generative,
		long renderMillis) {

	public GeneratedImage {
		if (productMask != null && productMask.length != pixels.width() * pixels.height()) {
			throw new IllegalArgumentException("a product mask of " + productMask.length + " values for an image of "
					+ pixels.width() + "x" + pixels.height());
		}
	}

}
