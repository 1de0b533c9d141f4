package com.prompt2pixel.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;

/**
 * Renders each request with the backend configured for its model name, or with the
 * default backend; a chunk with several models becomes one batch per backend. It answers
 * for the default backend when asked for its own name.
 */
final class ModelRouter implements ImageGenerator, AutoCloseable {

	private final ImageGenerator fallback;

	private final Map<String, ImageGenerator> byModel;

	ModelRouter(ImageGenerator fallback, Map<String, ImageGenerator> byModel) {
		this.fallback = fallback;
		this.byModel = Map.copyOf(byModel);
	}

	@Override
	public String backend() {
		return this.fallback.backend();
	}

	@Override
	public String model() {
		return this.fallback.model();
	}

	@Override
	public boolean generative() {
		return this.fallback.generative();
	}

	@Override
	public ImageGenerator forModel(String modelName) {
		return this.byModel.getOrDefault(modelName, this.fallback);
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		Map<ImageGenerator, List<Integer>> batches = new LinkedHashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			batches.computeIfAbsent(forModel(requests.get(i).sampling().model()), (key) -> new ArrayList<>()).add(i);
		}
		GeneratedImage[] images = new GeneratedImage[requests.size()];
		for (Map.Entry<ImageGenerator, List<Integer>> batch : batches.entrySet()) {
			List<GeneratedImage> rendered = batch.getKey()
				.generate(batch.getValue().stream().map(requests::get).toList());
			for (int i = 0; i < rendered.size(); i++) {
				images[batch.getValue().get(i)] = rendered.get(i);
			}
		}
		return Arrays.asList(images);
	}

	/** Closes each backend once, the default among them. */
	@Override
	public void close() throws Exception {
		List<ImageGenerator> all = new ArrayList<>(this.byModel.values());
		all.add(this.fallback);
		for (ImageGenerator generator : all.stream().distinct().toList()) {
			if (generator instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
	}

}
