package com.prompt2pixel.models.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneComposer;

/**
 * Stable Diffusion text-to-image on DJL's PyTorch engine, from a pipeline directory of
 * TorchScript parts ({@link PipelineConfig}). A call's requests are grouped by size and
 * sampling settings, and each group runs as one batch through the model's parts, each a
 * class of its own: the prompts through the text encoder in one call
 * ({@link PromptEncoder}); with a VAE encoder and a product photo, the composed scenes to
 * latents ({@link SceneLatents}); the sampler's steps ({@link DenoisingLoop}); the
 * latents to pixels through the VAE decoder ({@link VaeDecoding}). The parts themselves
 * are loaded and checked by {@link DiffusionPipeline}.
 */
public final class StableDiffusionGenerator implements ImageGenerator, AutoCloseable {

	private final DiffusionPipeline pipeline;

	private final PromptEncoder prompts;

	private final SceneLatents scenes;

	private final DenoisingLoop loop;

	private final VaeDecoding decoding;

	private StableDiffusionGenerator(DiffusionPipeline pipeline) {
		this.pipeline = pipeline;
		this.prompts = new PromptEncoder(pipeline);
		this.scenes = new SceneLatents(pipeline);
		this.loop = new DenoisingLoop(pipeline, this.scenes);
		this.decoding = new VaeDecoding(pipeline);
	}

	/**
	 * Loads the pipeline on the device and runs each part once on a small input, so that
	 * a broken pipeline fails here, with its reason, and not in the middle of a run.
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws PipelineException naming the problem
	 */
	public static StableDiffusionGenerator load(Path directory, String deviceName) {
		return new StableDiffusionGenerator(DiffusionPipeline.load(directory, deviceName));
	}

	@Override
	public String backend() {
		return "djl";
	}

	@Override
	public String model() {
		return this.pipeline.config().name();
	}

	@Override
	public boolean generative() {
		return true;
	}

	/** The device the pipeline runs on, as DJL names it. */
	public String device() {
		return this.pipeline.device().toString();
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		Map<BatchKey, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			ImageRequest request = requests.get(i);
			checkSize(request);
			boolean fromScene = this.pipeline.hasVaeEncoder() && request.productPhoto().length > 0;
			groups
				.computeIfAbsent(new BatchKey(request.width(), request.height(), request.sampling(), fromScene),
						(key) -> new ArrayList<>())
				.add(i);
		}
		GeneratedImage[] images = new GeneratedImage[requests.size()];
		for (Map.Entry<BatchKey, List<Integer>> group : groups.entrySet()) {
			List<ImageRequest> batch = group.getValue().stream().map(requests::get).toList();
			long started = System.nanoTime();
			Rendered rendered = render(group.getKey(), batch);
			long share = (System.nanoTime() - started) / 1_000_000 / batch.size();
			for (int i = 0; i < batch.size(); i++) {
				RgbImage pixels = rendered.pixels().get(i);
				images[group.getValue().get(i)] = (rendered.compositions() != null)
						? new GeneratedImage(pixels, rendered.compositions().get(i), backend(), model(), true, share)
						: new GeneratedImage(pixels, backend(), model(), true, share);
			}
		}
		return Arrays.asList(images);
	}

	/** Token ids of prompts, as the text encoder takes them (for the benchmark). */
	NDArray tokens(NDManager manager, List<String> texts) {
		return this.prompts.tokens(manager, texts);
	}

	private Rendered render(BatchKey key, List<ImageRequest> batch) {
		PipelineConfig config = this.pipeline.config();
		int latentHeight = key.height() / config.vaeScaleFactor();
		int latentWidth = key.width() / config.vaeScaleFactor();
		Shape latentShape = new Shape(batch.size(), config.latentChannels(), latentHeight, latentWidth);
		try (NDManager manager = NDManager.newBaseManager(this.pipeline.device())) {
			List<String> texts = new ArrayList<>();
			if (key.sampling().guided()) {
				batch.forEach((request) -> texts.add(request.negativePrompt()));
			}
			batch.forEach((request) -> texts.add(request.prompt()));
			NDArray hidden = this.prompts.encode(manager, texts);
			SceneLatents.Scene scene = key.fromScene() ? this.scenes.encode(manager, batch, latentHeight, latentWidth)
					: null;
			List<SeededNoise> noises = batch.stream().map((request) -> new SeededNoise(request.seed())).toList();
			NDArray latents = this.loop.run(manager, hidden, key.sampling(), noises, latentShape, scene);
			List<SceneComposer.Composition> compositions = (scene != null) ? scene.compositions() : null;
			return new Rendered(this.decoding.decode(new VaeDecoding.Latents(latents, compositions)), compositions);
		}
	}

	private void checkSize(ImageRequest request) {
		int factor = this.pipeline.config().vaeScaleFactor();
		if (request.width() % factor != 0 || request.height() % factor != 0) {
			throw new IllegalArgumentException("image size " + request.width() + "x" + request.height()
					+ " is not a multiple of " + factor + ", which pipeline " + model() + " needs");
		}
	}

	@Override
	public void close() {
		this.pipeline.close();
	}

	/**
	 * A batch's images and, when it started from composed scenes, where each product is.
	 */
	private record Rendered(List<RgbImage> pixels, List<SceneComposer.Composition> compositions) {
	}

	/** Requests that can share one batch. */
	private record BatchKey(int width, int height, Sampling sampling, boolean fromScene) {
	}

}
