package com.prompt2pixel.models.remote;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.SceneComposer;
import tools.jackson.databind.JsonNode;

/**
 * An AUTOMATIC1111 or Forge WebUI server's API, one request per image (the API batches
 * only one prompt), with the request's seed, size, steps, guidance and sampler. A request
 * with a product photo goes to {@code POST /sdapi/v1/img2img} as an inpainting: the
 * composed scene (the product placed on a painted backdrop) as the initial image, a mask
 * that is white where the scene may be generated and black on the product, the request's
 * strength as the denoising strength; the product's own pixels are then laid back over
 * the answer. A request without one goes to {@code POST /sdapi/v1/txt2img}. The seed
 * reaches the server as its low 32 bits, the range the WebUI takes.
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
			boolean fromScene = request.productPhoto().length > 0;
			String path = fromScene ? "/sdapi/v1/img2img" : "/sdapi/v1/txt2img";
			Map<String, Object> body = body(request);
			SceneComposer.Composition scene = null;
			if (fromScene) {
				scene = SceneComposer.compose(request);
				body.put("init_images", List.of(Base64.getEncoder().encodeToString(Png.encode(scene.scene()))));
				body.put("mask", Base64.getEncoder().encodeToString(mask(scene, request.width(), request.height())));
				body.put("denoising_strength", request.sampling().strength());
				body.put("inpainting_fill", 1);
				body.put("inpaint_full_res", false);
			}
			JsonNode answer = this.endpoint.post(path, body);
			RgbImage pixels = RemoteImages.pixels(answer.path("images").path(0).asString(null),
					this.endpoint.base().resolve(path));
			if (scene != null) {
				pixels = RemoteImages.keepProduct(pixels, scene, this.endpoint.base().resolve(path));
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			images.add((scene != null) ? new GeneratedImage(pixels, scene, backend(), model(), true, millis)
					: new GeneratedImage(pixels, backend(), model(), true, millis));
		}
		return images;
	}

	/** White where the scene may change, black where the product is (soft edges grey). */
	private static byte[] mask(SceneComposer.Composition scene, int width, int height) {
		byte[] rgb = new byte[width * height * 3];
		float[] alpha = scene.productAlpha();
		for (int p = 0; p < alpha.length; p++) {
			byte level = (byte) Math.round(255 * (1 - alpha[p]));
			rgb[3 * p] = level;
			rgb[3 * p + 1] = level;
			rgb[3 * p + 2] = level;
		}
		return Png.encodeRgb(rgb, width, height);
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
