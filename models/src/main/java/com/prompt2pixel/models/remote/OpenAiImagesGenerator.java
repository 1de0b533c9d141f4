package com.prompt2pixel.models.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.RgbImage;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible images API: {@code POST /v1/images/generations} with
 * {@code response_format: b64_json}, one request per image. That API takes no seed and no
 * negative prompt: its images are not reproducible, and what the negative prompt says is
 * added to the prompt as "Avoid: …".
 */
public final class OpenAiImagesGenerator implements ImageGenerator {

	private final RemoteEndpoint endpoint;

	private final String model;

	public OpenAiImagesGenerator(RemoteEndpoint endpoint, String model) {
		this.endpoint = endpoint;
		this.model = model;
	}

	@Override
	public String backend() {
		return "openai";
	}

	@Override
	public String model() {
		return this.model;
	}

	@Override
	public boolean generative() {
		return true;
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		List<GeneratedImage> images = new ArrayList<>(requests.size());
		for (ImageRequest request : requests) {
			long started = System.nanoTime();
			JsonNode answer = this.endpoint.post("/v1/images/generations", body(request));
			RgbImage pixels = RemoteImages.pixels(answer.path("data").path(0).path("b64_json").asString(null),
					this.endpoint.base().resolve("/v1/images/generations"));
			images.add(new GeneratedImage(pixels, backend(), model(), true, (System.nanoTime() - started) / 1_000_000));
		}
		return images;
	}

	private Map<String, Object> body(ImageRequest request) {
		String prompt = request.negativePrompt().isBlank() ? request.prompt()
				: request.prompt() + ". Avoid: " + request.negativePrompt();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", this.model);
		body.put("prompt", prompt);
		body.put("n", 1);
		body.put("size", request.width() + "x" + request.height());
		body.put("response_format", "b64_json");
		return body;
	}

}
