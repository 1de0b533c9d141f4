package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.SceneComposer;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.Sampling;

/**
 * Stable Diffusion text-to-image on DJL's PyTorch engine, from a pipeline directory of
 * TorchScript parts ({@link PipelineConfig}). A call's requests are grouped by size and
 * sampling settings, and each group runs as one batch: one text-encoder call for all
 * prompts, then per step one UNet call for the whole batch, the unconditional and
 * conditional halves of classifier-free guidance stacked in it, then one VAE call. The
 * latents of a request come from its seed alone ({@link SeededNoise}), so a seed gives
 * the same image whatever else is in the batch, on the same device. With a VAE encoder
 * and a product photo, images start from the composed scene and keep the product: a plain
 * UNet's product latents are held at every step, an inpainting UNet is given the mask and
 * the product's encoded pixels as input instead.
 */
public final class StableDiffusionGenerator implements ImageGenerator, AutoCloseable {

	private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d+))?|gpu(\\d+)?");

	private final PipelineConfig config;

	private final Device device;

	private final HuggingFaceTokenizer tokenizer;

	private final ZooModel<NDList, NDList> textEncoder;

	private final ZooModel<NDList, NDList> unet;

	private final ZooModel<NDList, NDList> vaeDecoder;

	/** Null when the pipeline has none: then every image starts from noise alone. */
	private final ZooModel<NDList, NDList> vaeEncoder;

	private StableDiffusionGenerator(PipelineConfig config, Device device, HuggingFaceTokenizer tokenizer,
			ZooModel<NDList, NDList> textEncoder, ZooModel<NDList, NDList> unet, ZooModel<NDList, NDList> vaeDecoder,
			ZooModel<NDList, NDList> vaeEncoder) {
		this.config = config;
		this.device = device;
		this.tokenizer = tokenizer;
		this.textEncoder = textEncoder;
		this.unet = unet;
		this.vaeDecoder = vaeDecoder;
		this.vaeEncoder = vaeEncoder;
	}

	/**
	 * Loads the pipeline on the device and runs each part once on a small input, so that
	 * a broken pipeline fails here, with its reason, and not in the middle of a run.
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws PipelineException naming the problem
	 */
	public static StableDiffusionGenerator load(Path directory, String deviceName) {
		PipelineConfig config = PipelineConfig.read(directory);
		if (System.getProperty("ai.djl.offline") == null) {
			// the engine's native library is in the jar: never reach for the network
			System.setProperty("ai.djl.offline", "true");
		}
		Device device = device(deviceName);
		if (config.halfPrecision() && !device.isGpu()) {
			throw new PipelineException("pipeline " + directory + " is float16, which runs on cuda only; export it "
					+ "without --fp16 to run it on the CPU");
		}
		DeviceMemory.available(device)
			.ifPresent((available) -> DeviceMemory.check(config, deviceName(device), available));
		List<AutoCloseable> opened = new ArrayList<>();
		try {
			HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(config.tokenizer());
			opened.add(tokenizer);
			ZooModel<NDList, NDList> textEncoder = part(config.textEncoder(), device, opened);
			ZooModel<NDList, NDList> unet = part(config.unet(), device, opened);
			ZooModel<NDList, NDList> vaeDecoder = part(config.vaeDecoder(), device, opened);
			ZooModel<NDList, NDList> vaeEncoder = (config.vaeEncoder() != null)
					? part(config.vaeEncoder(), device, opened) : null;
			StableDiffusionGenerator generator = new StableDiffusionGenerator(config, device, tokenizer, textEncoder,
					unet, vaeDecoder, vaeEncoder);
			generator.checkShapes();
			return generator;
		}
		catch (IOException | RuntimeException ex) {
			for (AutoCloseable part : opened) {
				closeQuietly(part);
			}
			if (ex instanceof PipelineException pipelineException) {
				throw pipelineException;
			}
			throw new PipelineException("cannot load pipeline " + directory + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String backend() {
		return "djl";
	}

	@Override
	public String model() {
		return this.config.name();
	}

	@Override
	public boolean generative() {
		return true;
	}

	/** The device the pipeline runs on, as DJL names it. */
	public String device() {
		return this.device.toString();
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		Map<BatchKey, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			ImageRequest request = requests.get(i);
			checkSize(request);
			boolean fromScene = this.vaeEncoder != null && request.productPhoto().length > 0;
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
				images[group.getValue().get(i)] = new GeneratedImage(rendered.pixels().get(i), rendered.mask(i),
						backend(), model(), true, share);
			}
		}
		return Arrays.asList(images);
	}

	/**
	 * A batch's images and, when it started from composed scenes, where each product is.
	 */
	private record Rendered(List<RgbImage> pixels, List<SceneComposer.Composition> compositions) {

		float[] mask(int i) {
			return (this.compositions != null) ? this.compositions.get(i).productAlpha() : null;
		}

	}

	private Rendered render(BatchKey key, List<ImageRequest> batch) {
		Sampling sampling = key.sampling();
		boolean guided = sampling.guided();
		boolean velocity = this.config.predictionType().equals("v_prediction");
		int size = batch.size();
		int latentHeight = key.height() / this.config.vaeScaleFactor();
		int latentWidth = key.width() / this.config.vaeScaleFactor();
		Shape latentShape = new Shape(size, this.config.latentChannels(), latentHeight, latentWidth);
		try (NDManager manager = NDManager.newBaseManager(this.device)) {
			List<String> prompts = new ArrayList<>();
			if (guided) {
				batch.forEach((request) -> prompts.add(request.negativePrompt()));
			}
			batch.forEach((request) -> prompts.add(request.prompt()));
			NDArray hidden = forward(this.textEncoder, manager, tokens(manager, prompts)).singletonOrThrow();
			Scheduler scheduler = Scheduler.create(sampling.scheduler(), this.config.schedule(), sampling.steps());
			List<SeededNoise> noises = batch.stream().map((request) -> new SeededNoise(request.seed())).toList();
			NDArray start = noise(manager, noises, latentShape);
			double[] timesteps = scheduler.timesteps();
			int first = 0;
			Scene scene = null;
			NDArray latents;
			if (key.fromScene()) {
				scene = scene(manager, batch, latentHeight, latentWidth);
				first = Math.max(0, timesteps.length - sampling.stepsFromScene());
				latents = scheduler.addNoise(scene.latents(), start, first);
			}
			else {
				latents = start.mul(scheduler.initNoiseSigma());
			}
			NDArray inpainting = this.config.inpaintingUnet()
					? inpaintingInput(manager, scene, size, latentHeight, latentWidth) : null;
			for (int step = first; step < timesteps.length; step++) {
				NDArray next;
				try (NDScope scope = new NDScope()) {
					NDArray input = scheduler.scaleModelInput(latents, step);
					NDArray unetInput = (inpainting != null) ? input.concat(inpainting, 1) : input;
					NDArray modelInput = guided ? NDArrays.concat(new NDList(unetInput, unetInput)) : unetInput;
					NDArray time = manager.full(new Shape(prompts.size()), (float) timesteps[step]);
					NDArray output = forward(this.unet, manager, modelInput, time, hidden).singletonOrThrow();
					NDArray prediction = guided ? guide(output, size, sampling.guidance()) : output;
					if (velocity) {
						prediction = noiseFromVelocity(prediction, input, scheduler.alphaCumprod(step));
					}
					next = scheduler.step(prediction, step, latents, (like) -> noise(manager, noises, like.getShape()));
					if (scene != null && inpainting == null) {
						// the product's latents, held at the noise level of the rest (an
						// inpainting UNet is given them instead)
						NDArray kept = scheduler.addNoise(scene.latents(), start, step + 1);
						next = next.mul(scene.generate()).add(kept.mul(scene.keep()));
					}
					NDScope.unregister(next);
				}
				latents.close();
				latents = next;
			}
			NDArray pixels = forward(this.vaeDecoder, manager, latents.div(this.config.latentScale()))
				.singletonOrThrow();
			List<SceneComposer.Composition> compositions = (scene != null) ? scene.compositions() : null;
			return new Rendered(toPixels(pixels, compositions), compositions);
		}
	}

	/**
	 * The composed scenes (the product placed on a painted backdrop, as the compositor
	 * draws it) as latents, and latent masks of where the product is: a latent cell whose
	 * pixels are at least half product is kept.
	 */
	private Scene scene(NDManager manager, List<ImageRequest> batch, int latentHeight, int latentWidth) {
		List<SceneComposer.Composition> compositions = batch.stream().map(SceneComposer::compose).toList();
		int factor = this.config.vaeScaleFactor();
		int width = latentWidth * factor;
		int height = latentHeight * factor;
		int plane = width * height;
		float[] pixels = new float[batch.size() * 3 * plane];
		// for an inpainting UNet: the product's pixels alone, 0 (grey) around them
		float[] kept = this.config.inpaintingUnet() ? new float[pixels.length] : null;
		float[] keep = new float[batch.size() * latentHeight * latentWidth];
		for (int i = 0; i < compositions.size(); i++) {
			int[] argb = compositions.get(i).scene().getRGB(0, 0, width, height, null, 0, width);
			int offset = i * 3 * plane;
			for (int p = 0; p < plane; p++) {
				pixels[offset + p] = ((argb[p] >> 16) & 0xFF) / 127.5f - 1f;
				pixels[offset + plane + p] = ((argb[p] >> 8) & 0xFF) / 127.5f - 1f;
				pixels[offset + 2 * plane + p] = (argb[p] & 0xFF) / 127.5f - 1f;
			}
			float[] alpha = compositions.get(i).productAlpha();
			if (kept != null) {
				for (int p = 0; p < plane; p++) {
					if (alpha[p] >= 0.5f) {
						for (int c = 0; c < 3; c++) {
							kept[offset + c * plane + p] = pixels[offset + c * plane + p];
						}
					}
				}
			}
			for (int y = 0; y < latentHeight; y++) {
				for (int x = 0; x < latentWidth; x++) {
					float sum = 0;
					for (int dy = 0; dy < factor; dy++) {
						for (int dx = 0; dx < factor; dx++) {
							sum += alpha[(y * factor + dy) * width + x * factor + dx];
						}
					}
					keep[(i * latentHeight + y) * latentWidth + x] = (sum >= factor * factor / 2f) ? 1f : 0f;
				}
			}
		}
		Shape imageShape = new Shape(batch.size(), 3, height, width);
		NDArray latents = encode(manager, manager.create(pixels, imageShape));
		NDArray keptLatents = (kept != null) ? encode(manager, manager.create(kept, imageShape)) : null;
		NDArray keepMask = manager.create(keep, new Shape(batch.size(), 1, latentHeight, latentWidth));
		return new Scene(latents, keepMask, keepMask.neg().add(1), keptLatents, compositions);
	}

	/**
	 * What an inpainting UNet takes besides the latents, as diffusers' inpainting
	 * pipeline stacks it: the mask of what to generate (1) and the latents of the pixels
	 * to keep. Without a product, everything is generated and nothing kept.
	 */
	private NDArray inpaintingInput(NDManager manager, Scene scene, int size, int latentHeight, int latentWidth) {
		if (scene != null) {
			return scene.generate().concat(scene.keptLatents(), 1);
		}
		int factor = this.config.vaeScaleFactor();
		NDArray nothing = encode(manager,
				manager.zeros(new Shape(size, 3, (long) latentHeight * factor, (long) latentWidth * factor)));
		return manager.ones(new Shape(size, 1, latentHeight, latentWidth)).concat(nothing, 1);
	}

	/** Pixels in [-1, 1] to latents, scaled as the UNet expects them. */
	private NDArray encode(NDManager manager, NDArray image) {
		return forward(this.vaeEncoder, manager, image).singletonOrThrow().mul(this.config.latentScale());
	}

	/**
	 * Where a batch starts from when it keeps the products.
	 *
	 * @param latents the composed scenes, encoded
	 * @param keep 1 on latent cells of product, else 0 ([B, 1, h, w])
	 * @param generate 1 - keep
	 * @param keptLatents for an inpainting UNet, the product's pixels alone, encoded;
	 * else null
	 * @param compositions the scenes and product masks in pixels, for the final paste
	 */
	private record Scene(NDArray latents, NDArray keep, NDArray generate, NDArray keptLatents,
			List<SceneComposer.Composition> compositions) {
	}

	/** unconditional + guidance * (conditional - unconditional). */
	static NDArray guide(NDArray output, int size, double guidance) {
		NDList halves = output.split(2);
		NDArray unconditional = halves.get(0);
		// one new array, then in place: a third of the allocations of add(sub().mul())
		return halves.get(1).sub(unconditional).muli(guidance).addi(unconditional);
	}

	/**
	 * The noise prediction from a v-prediction (SD 2.x at 768, some fine-tunes): with x_t
	 * = a x_0 + s noise and v = a noise - s x_0 (a = sqrt(alpha-bar), s = sqrt(1 -
	 * alpha-bar)), noise = a v + s x_t. The schedulers then step as for any epsilon
	 * model.
	 * @param modelInput x_t, the latents as the UNet took them (one copy, not doubled)
	 */
	static NDArray noiseFromVelocity(NDArray velocity, NDArray modelInput, double alphaCumprod) {
		return velocity.mul(Math.sqrt(alphaCumprod)).addi(modelInput.mul(Math.sqrt(1 - alphaCumprod)));
	}

	/** Each request's next noise from its own seed, stacked into a batch. */
	private static NDArray noise(NDManager manager, List<SeededNoise> noises, Shape shape) {
		int perImage = (int) (shape.size() / noises.size());
		float[] values = new float[perImage * noises.size()];
		for (int i = 0; i < noises.size(); i++) {
			System.arraycopy(noises.get(i).next(perImage), 0, values, i * perImage, perImage);
		}
		return manager.create(values, shape);
	}

	/**
	 * Token ids padded (or cut, keeping the end token) to the pipeline's length.
	 */
	NDArray tokens(NDManager manager, List<String> prompts) {
		int length = this.config.maxTextLength();
		long[] ids = new long[prompts.size() * length];
		Arrays.fill(ids, this.config.padTokenId());
		for (int i = 0; i < prompts.size(); i++) {
			long[] encoded = this.tokenizer.encode(prompts.get(i)).getIds();
			int used = Math.min(encoded.length, length);
			System.arraycopy(encoded, 0, ids, i * length, used);
			if (encoded.length > length) {
				ids[i * length + length - 1] = encoded[encoded.length - 1];
			}
		}
		return manager.create(ids, new Shape(prompts.size(), length));
	}

	/**
	 * Runs a part; a float16 pipeline gets its floating inputs in half precision and
	 * gives float32 back, so that the scheduler math stays in float32.
	 */
	private NDList forward(ZooModel<NDList, NDList> part, NDManager manager, NDArray... inputs) {
		NDList list = new NDList(inputs.length);
		for (NDArray input : inputs) {
			boolean cast = this.config.halfPrecision() && input.getDataType().isFloating();
			list.add(cast ? input.toType(DataType.FLOAT16, false) : input);
		}
		NDList outputs = part.getBlock().forward(new ParameterStore(manager, false), list, false);
		if (!this.config.halfPrecision()) {
			return outputs;
		}
		NDList widened = new NDList(outputs.size());
		outputs.forEach((output) -> widened.add(output.toType(DataType.FLOAT32, false)));
		return widened;
	}

	/**
	 * [B, 3, H, W] in [-1, 1] to 8-bit RGB: the floats come over once and are scaled,
	 * rounded and interleaved in one pass here, cheaper than five tensor operations
	 * first. Not encoded: that happens after the generator returns, off its GPU lane.
	 */
	static List<RgbImage> toPixels(NDArray pixels) {
		return toPixels(pixels, null);
	}

	/**
	 * The same, with each product's own pixels laid back over the generated image through
	 * its soft-edged mask, when the batch kept products.
	 */
	static List<RgbImage> toPixels(NDArray pixels, List<SceneComposer.Composition> compositions) {
		Shape shape = pixels.getShape();
		int count = (int) shape.get(0);
		int height = (int) shape.get(2);
		int width = (int) shape.get(3);
		// read in place from the engine's copy: a float[] of the batch would be a second
		// copy
		FloatBuffer values = pixels.toType(DataType.FLOAT32, false)
			.toDevice(Device.cpu(), false)
			.toByteBuffer()
			.asFloatBuffer();
		int plane = width * height;
		return IntStream.range(0, count).parallel().mapToObj((i) -> {
			byte[] rgb = interleave(values, i * 3 * plane, width, height);
			if (compositions != null) {
				compositions.get(i).overlayProduct(rgb);
			}
			return new RgbImage(width, height, rgb);
		}).toList();
	}

	/**
	 * One image's three float planes to interleaved RGB bytes. Row by row, each channel
	 * is first converted on its own (a plain loop the JIT compiles to vector
	 * instructions) and only then interleaved: twice as fast as converting pixel by
	 * pixel.
	 */
	private static byte[] interleave(FloatBuffer values, int offset, int width, int height) {
		int plane = width * height;
		byte[] rgb = new byte[plane * 3];
		float[] floats = new float[width];
		byte[] red = new byte[width];
		byte[] green = new byte[width];
		byte[] blue = new byte[width];
		for (int y = 0; y < height; y++) {
			int from = offset + y * width;
			toBytes(values, from, floats, red);
			toBytes(values, from + plane, floats, green);
			toBytes(values, from + 2 * plane, floats, blue);
			int to = y * width * 3;
			for (int x = 0; x < width; x++) {
				rgb[to + 3 * x] = red[x];
				rgb[to + 3 * x + 1] = green[x];
				rgb[to + 3 * x + 2] = blue[x];
			}
		}
		return rgb;
	}

	/**
	 * A row of one channel, -1..1 to 0..255, rounded half up, clamped; NaN as 0 (which
	 * the int cast gives).
	 * @param floats where the row's floats are copied first
	 */
	private static void toBytes(FloatBuffer values, int from, float[] floats, byte[] row) {
		values.get(from, floats);
		for (int x = 0; x < row.length; x++) {
			int level = (int) ((floats[x] + 1f) * 127.5f + 0.5f);
			row[x] = (byte) Math.min(255, Math.max(0, level));
		}
	}

	private void checkSize(ImageRequest request) {
		int factor = this.config.vaeScaleFactor();
		if (request.width() % factor != 0 || request.height() % factor != 0) {
			throw new IllegalArgumentException("image size " + request.width() + "x" + request.height()
					+ " is not a multiple of " + factor + ", which pipeline " + model() + " needs");
		}
	}

	/** Runs every part once on the smallest input and checks what comes out. */
	private void checkShapes() {
		int length = this.config.maxTextLength();
		int channels = this.config.latentChannels();
		int factor = this.config.vaeScaleFactor();
		try (NDManager manager = NDManager.newBaseManager(this.device)) {
			NDArray hidden = expect("text encoder", this.config.textEncoder(),
					() -> forward(this.textEncoder, manager, manager.zeros(new Shape(1, length), DataType.INT64)),
					new Shape(1, length, this.config.textHiddenSize()));
			NDArray latents = manager.zeros(new Shape(1, channels, 8, 8));
			NDArray unetInput = manager.zeros(new Shape(1, this.config.unetInChannels(), 8, 8));
			expect("UNet", this.config.unet(),
					() -> forward(this.unet, manager, unetInput, manager.full(new Shape(1), 999f), hidden),
					new Shape(1, channels, 8, 8));
			expect("VAE decoder", this.config.vaeDecoder(), () -> forward(this.vaeDecoder, manager, latents),
					new Shape(1, 3, 8L * factor, 8L * factor));
			if (this.vaeEncoder != null) {
				expect("VAE encoder", this.config.vaeEncoder(),
						() -> forward(this.vaeEncoder, manager,
								manager.zeros(new Shape(1, 3, 8L * factor, 8L * factor))),
						new Shape(1, channels, 8, 8));
			}
		}
	}

	private static NDArray expect(String part, Path file, Supplier<NDList> run, Shape expected) {
		NDList output;
		try {
			output = run.get();
		}
		catch (RuntimeException ex) {
			throw new PipelineException("the " + part + " in " + file + " does not take the inputs pipeline.json "
					+ "describes (expected output " + expected + "): " + firstLine(ex), ex);
		}
		Shape actual = output.isEmpty() ? new Shape() : output.get(0).getShape();
		if (!actual.equals(expected)) {
			throw new PipelineException("the " + part + " in " + file + " gives " + actual + " where pipeline.json "
					+ "implies " + expected);
		}
		return output.get(0);
	}

	private static String firstLine(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static ZooModel<NDList, NDList> part(Path file, Device device, List<AutoCloseable> opened)
			throws IOException {
		String name = file.getFileName().toString();
		if (!name.endsWith(".pt")) {
			throw new PipelineException("pipeline part " + file + " is not a TorchScript .pt file");
		}
		try {
			ZooModel<NDList, NDList> model = Criteria.builder()
				.setTypes(NDList.class, NDList.class)
				.optModelPath(file.getParent())
				.optModelName(name.substring(0, name.length() - 3))
				.optEngine("PyTorch")
				.optDevice(device)
				.optTranslator(new NoopTranslator())
				.build()
				.loadModel();
			opened.add(model);
			return model;
		}
		catch (ModelNotFoundException | MalformedModelException | RuntimeException ex) {
			throw new PipelineException("cannot load " + file + " as TorchScript: " + firstLine(ex), ex);
		}
	}

	private static Device device(String name) {
		String normalized = (name == null || name.isBlank()) ? "cpu" : name.strip().toLowerCase(Locale.ROOT);
		if (normalized.equals("cpu")) {
			return Device.cpu();
		}
		Matcher cuda = CUDA.matcher(normalized);
		if (!cuda.matches()) {
			throw new PipelineException("device '" + name + "' is not cpu, cuda or cuda:N");
		}
		String index = (cuda.group(1) != null) ? cuda.group(1) : cuda.group(2);
		int gpu = (index != null) ? Integer.parseInt(index) : 0;
		int available = Engine.getEngine("PyTorch").getGpuCount();
		if (gpu >= available) {
			throw new PipelineException("device " + name + " does not exist: PyTorch sees " + available
					+ " CUDA device(s) here" + ((available == 0) ? " (a CPU-only libtorch, or no GPU visible)" : ""));
		}
		return Device.gpu(gpu);
	}

	private static String deviceName(Device device) {
		return device.isGpu() ? "cuda:" + device.getDeviceId() : "the CPU";
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing after a failed load: the load's own error is the one to report
		}
	}

	@Override
	public void close() {
		this.textEncoder.close();
		this.unet.close();
		this.vaeDecoder.close();
		if (this.vaeEncoder != null) {
			this.vaeEncoder.close();
		}
		this.tokenizer.close();
	}

	/** Requests that can share one batch. */
	private record BatchKey(int width, int height, Sampling sampling, boolean fromScene) {
	}

}
