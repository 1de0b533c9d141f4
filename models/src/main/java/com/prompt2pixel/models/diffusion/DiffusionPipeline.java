package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import com.prompt2pixel.models.Devices;
import com.prompt2pixel.models.TorchScript;

/**
 * A pipeline directory's parts loaded on one device: the tokenizer and the TorchScript
 * text encoder, UNet, VAE decoder and (optional) VAE encoder. Loading runs every part
 * once on the smallest input and checks what comes out, so that a broken pipeline fails
 * at start, with its reason, and not in the middle of a run.
 */
final class DiffusionPipeline implements AutoCloseable {

	private final PipelineConfig config;

	private final Device device;

	private final HuggingFaceTokenizer tokenizer;

	private final ZooModel<NDList, NDList> textEncoder;

	private final ZooModel<NDList, NDList> unet;

	private final ZooModel<NDList, NDList> vaeDecoder;

	/** Null when the pipeline has none: then every image starts from noise alone. */
	private final ZooModel<NDList, NDList> vaeEncoder;

	private DiffusionPipeline(PipelineConfig config, Device device, HuggingFaceTokenizer tokenizer,
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
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws PipelineException naming the problem
	 */
	static DiffusionPipeline load(Path directory, String deviceName) {
		PipelineConfig config = PipelineConfig.read(directory);
		Devices.offline();
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
			DiffusionPipeline pipeline = new DiffusionPipeline(config, device, tokenizer, textEncoder, unet, vaeDecoder,
					vaeEncoder);
			pipeline.checkShapes();
			return pipeline;
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

	PipelineConfig config() {
		return this.config;
	}

	Device device() {
		return this.device;
	}

	HuggingFaceTokenizer tokenizer() {
		return this.tokenizer;
	}

	ZooModel<NDList, NDList> vaeDecoder() {
		return this.vaeDecoder;
	}

	boolean hasVaeEncoder() {
		return this.vaeEncoder != null;
	}

	/** Token ids [B, L] to hidden states [B, L, H]. */
	NDArray encodeText(NDManager manager, NDArray tokens) {
		return forward(this.textEncoder, manager, tokens).singletonOrThrow();
	}

	/** One UNet call: its input, timesteps and hidden states to its prediction. */
	NDArray predict(NDManager manager, NDArray input, NDArray timesteps, NDArray hidden) {
		return forward(this.unet, manager, input, timesteps, hidden).singletonOrThrow();
	}

	/** Pixels in [-1, 1] to latents, scaled as the UNet expects them. */
	NDArray encodeImage(NDManager manager, NDArray image) {
		return forward(this.vaeEncoder, manager, image).singletonOrThrow().mul(this.config.latentScale());
	}

	/**
	 * An input in the precision of the parts: a float16 pipeline gets its floating inputs
	 * in half precision.
	 */
	NDArray narrowed(NDArray input) {
		boolean cast = this.config.halfPrecision() && input.getDataType().isFloating();
		return cast ? input.toType(DataType.FLOAT16, false) : input;
	}

	/**
	 * Runs a part; a float16 pipeline gives float32 back, so that the scheduler math
	 * stays in float32.
	 */
	private NDList forward(ZooModel<NDList, NDList> part, NDManager manager, NDArray... inputs) {
		NDList list = new NDList(inputs.length);
		for (NDArray input : inputs) {
			list.add(narrowed(input));
		}
		NDList outputs = part.getBlock().forward(new ParameterStore(manager, false), list, false);
		if (!this.config.halfPrecision()) {
			return outputs;
		}
		NDList widened = new NDList(outputs.size());
		outputs.forEach((output) -> widened.add(output.toType(DataType.FLOAT32, false)));
		return widened;
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
					+ "describes (expected output " + expected + "): " + TorchScript.firstLine(ex), ex);
		}
		Shape actual = output.isEmpty() ? new Shape() : output.get(0).getShape();
		if (!actual.equals(expected)) {
			throw new PipelineException("the " + part + " in " + file + " gives " + actual + " where pipeline.json "
					+ "implies " + expected);
		}
		return output.get(0);
	}

	private static ZooModel<NDList, NDList> part(Path file, Device device, List<AutoCloseable> opened) {
		if (!file.getFileName().toString().endsWith(".pt")) {
			throw new PipelineException("pipeline part " + file + " is not a TorchScript .pt file");
		}
		try {
			ZooModel<NDList, NDList> model = TorchScript.load(file, device);
			opened.add(model);
			return model;
		}
		catch (IllegalArgumentException ex) {
			throw new PipelineException(ex.getMessage(), ex);
		}
	}

	private static Device device(String name) {
		try {
			return Devices.named(name);
		}
		catch (IllegalArgumentException ex) {
			throw new PipelineException(ex.getMessage());
		}
	}

	private static String deviceName(Device device) {
		return Devices.describe(device);
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

}
