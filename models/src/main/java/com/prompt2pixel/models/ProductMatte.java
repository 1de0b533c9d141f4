package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A way to tell which pixels of a product photo are the product. Every backend starts
 * from it: the compositor lays the cut-out on a scene, the diffusion engine keeps the
 * product's pixels under it, and the inpainting backends send it as the mask.
 */
public interface ProductMatte extends AutoCloseable {

	/**
	 * What the matte records as its method: {@code alpha}, {@code keyer}, {@code model}.
	 */
	String method();

	/**
	 * The matte of a photo.
	 * @throws IllegalArgumentException when this method cannot matte the photo, with the
	 * reason (a photo without a meaningful alpha channel for {@code alpha})
	 */
	Matte matte(BufferedImage photo);

	/**
	 * What a render's cache key records of this method: its name, and for a model which
	 * model, so that changing either makes the scenes again.
	 */
	default String key() {
		return method();
	}

	/** Frees what the method holds (a model's weights); nothing for most. */
	@Override
	default void close() {
	}

	/**
	 * The method of that name.
	 * @param name {@code alpha}, {@code keyer}, {@code model}, or {@code auto}: the
	 * photo's own alpha when it has a meaningful one, else the keyer
	 * @param modelDir for {@code model}, the exported segmentation model's folder
	 * @throws IllegalArgumentException naming what is wrong: an unknown name, a missing
	 * model folder, a model that does not load
	 */
	static ProductMatte named(String name, Path modelDir) {
		return named(name, modelDir, "cpu");
	}

	/**
	 * The method of that name, a model on the given device.
	 * @param device for {@code model}: {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @see #named(String, Path)
	 */
	static ProductMatte named(String name, Path modelDir, String device) {
		String method = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
		return switch (method) {
			case "auto" -> new AutoMatte();
			case "alpha" -> new PhotoAlphaMatte();
			case "keyer" -> new KeyerMatte();
			case "model" -> {
				if (modelDir == null) {
					throw new IllegalArgumentException("the model matte needs --model-dir, the segmentation model's "
							+ "folder (models/export/ writes it)");
				}
				if (!Files.isDirectory(modelDir)) {
					throw new IllegalArgumentException("model directory " + modelDir + " does not exist");
				}
				yield SegmentationMatte.load(modelDir, device);
			}
			default ->
				throw new IllegalArgumentException("matte '" + name + "' is not one of auto, alpha, keyer, model");
		};
	}

}
