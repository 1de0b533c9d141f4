package com.prompt2pixel.models;

import java.util.List;

/**
 * Turns a batch of requests into images, one image per request, in request order.
 * Backends take the whole batch at once so that a GPU backend can run it as one tensor
 * batch.
 */
public interface ImageGenerator {

	/** The backend's name as recorded with every image, e.g. {@code compositor}. */
	String backend();

	/** The model the backend runs, or a description of the renderer when it runs none. */
	String model();

	/**
	 * Whether the images come from a generative model. Recorded so that no image made by
	 * a plain renderer is ever presented as AI output.
	 */
	boolean generative();

	/**
	 * The generator that renders requests for the named model (a scene template's
	 * {@code model}); a single backend renders every model itself.
	 */
	default ImageGenerator forModel(String modelName) {
		return this;
	}

	/**
	 * Renders every request. Either all images are returned or an exception is thrown: a
	 * backend never returns a partial batch.
	 */
	List<GeneratedImage> generate(List<ImageRequest> requests);

}
