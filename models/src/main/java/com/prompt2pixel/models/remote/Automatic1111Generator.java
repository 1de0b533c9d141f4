package com.prompt2pixel.models.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import tools.jackson.databind.JsonNode;

/**
 * An AUTOMATIC1111 or Forge WebUI server's API: {@code POST /sdapi/v1/txt2img}, one
 * request per image (the API batches only one prompt), with the request's seed, size,
 * steps, guidance and sampler. The seed reaches the server as its low 32 bits, the range
 * the WebUI takes.
 */
public final class Automatic1111Generator implements ImageGenerator {

	private static final Map<String, String> SAMPLERS = Map.of("euler", "Euler", "ddim", "DDIM", "dpm++2m", "DPM++ 2M",
			"lcm", "LCM");

	private final RemoteEndpoint endpoint;

	private final String checkpoint;

	/**
	 * @param checkpoint the server's checkpoint to use ({@code sd_model_checkpoint}), or
	 * null for the one it has loaded
	 */
	public Automatic1111Generator(RemoteEndpoint endpoint, String checkpoint) {
		this.endpoint = endpoint;
		this.checkpoint = checkpoint;
	}

	@Override
	public String backend() {
		return "a1111";
	}

	@Override
	public String model() {
		return (this.checkpoint != null) ? this.checkpoint : "a1111@" + this.endpoint.base().getHost();
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
			JsonNode answer = this.endpoint.post("/sdapi/v1/txt2img", body(request));
			byte[] png = RemoteImages.png(answer.path("images").path(0).asString(null),
					this.endpoint.base().resolve("/sdapi/v1/txt2img"));
			images.add(new GeneratedImage(png, backend(), model(), true, (System.nanoTime() - started) / 1_000_000));
		}
		return images;
	}

	private Map<String, Object> body(ImageRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("prompt", request.prompt());
		body.put("negative_prompt", request.negativePrompt());
		body.put("seed", request.seed() & 0xFFFFFFFFL);
		body.put("width", request.width());
		body.put("height", request.height());
		body.put("steps", request.sampling().steps());
		body.put("cfg_scale", request.sampling().guidance());
		body.put("sampler_name", SAMPLERS.get(request.sampling().scheduler()));
		body.put("batch_size", 1);
		body.put("n_iter", 1);
		body.put("send_images", true);
		body.put("save_images", false);
		if (this.checkpoint != null) {
			body.put("override_settings", Map.of("sd_model_checkpoint", this.checkpoint));
		}
		return body;
	}

}
