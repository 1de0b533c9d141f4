package com.prompt2pixel.models;

import java.util.ArrayList;
import java.util.List;

/**
 * A CPU renderer, not a generative model: it keys the product photo out of its plain
 * background and composes it onto a scene backdrop painted from the template's palette
 * (wall gradient, floor, a light spot, a floor shadow). The seed moves the light, the
 * horizon and the product a little, so variants differ and a seed always reproduces its
 * image. The default backend when no model is configured; its images say
 * {@code generative = false}.
 */
public final class CompositorGenerator implements ImageGenerator {

	public static final String BACKEND = "compositor";

	@Override
	public String backend() {
		return BACKEND;
	}

	@Override
	public String model() {
		// in every cache key: a new number when the scenes change (2: the improved
		// cut-out), so
		// that cached scenes are made again
		return "java2d-compositor-3";
	}

	@Override
	public boolean generative() {
		return false;
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		List<GeneratedImage> images = new ArrayList<>(requests.size());
		for (ImageRequest request : requests) {
			long start = System.nanoTime();
			SceneComposer.Composition scene = SceneComposer.compose(request);
			long millis = (System.nanoTime() - start) / 1_000_000;
			images.add(new GeneratedImage(RgbImage.of(scene.scene()), scene, backend(), model(), false, millis));
		}
		return images;
	}

}
