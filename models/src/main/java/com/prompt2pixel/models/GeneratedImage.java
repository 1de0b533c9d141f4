package com.prompt2pixel.models;

/**
 * One finished image.
 *
 * @param png the image, PNG-encoded
 * @param backend the backend that made it
 * @param model the model (or renderer) that made it
 * @param generative whether a generative model made it
 * @param renderMillis this image's share of the batch's render time
 */
public record GeneratedImage(byte[] png, String backend, String model, boolean generative, long renderMillis) {

}
