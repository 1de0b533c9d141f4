package com.prompt2pixel.models.diffusion;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.stream.IntStream;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.SceneComposer;

/**
 * Latents to 8-bit RGB through the VAE decoder, as a DJL {@code Translator}: the one part
 * whose output leaves the device, so the predictor's closing of its arrays after the call
 * is what is wanted. The batch is already stacked (no batchifier: the denoising loop made
 * it one tensor), and a float16 pipeline gets its input narrowed here. Not encoded: that
 * happens after the generator returns, off its GPU lane.
 */
final class VaeDecoding implements NoBatchifyTranslator<VaeDecoding.Latents, List<RgbImage>> {

	private static final String COMPOSITIONS = "compositions";

	private final DiffusionPipeline pipeline;

	VaeDecoding(DiffusionPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * @param latents [B, C, h, w], as the denoising loop left them
	 * @param compositions when the batch kept products, their scenes and masks, to lay
	 * each product's own pixels back; else null
	 */
	record Latents(NDArray latents, List<SceneComposer.Composition> compositions) {
	}

	/** The batch's images, in its order. */
	List<RgbImage> decode(Latents latents) {
		try (Predictor<Latents, List<RgbImage>> predictor = this.pipeline.vaeDecoder().newPredictor(this)) {
			return predictor.predict(latents);
		}
		catch (TranslateException ex) {
			throw new IllegalStateException("the VAE decoder failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public NDList processInput(TranslatorContext context, Latents input) {
		if (input.compositions() != null) {
			// the context's attachments take no null
			context.setAttachment(COMPOSITIONS, input.compositions());
		}
		return new NDList(this.pipeline.narrowed(input.latents().div(this.pipeline.config().latentScale())));
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<RgbImage> processOutput(TranslatorContext context, NDList output) {
		return toPixels(output.singletonOrThrow(),
				(List<SceneComposer.Composition>) context.getAttachment(COMPOSITIONS));
	}

	/**
	 * [B, 3, H, W] in [-1, 1] to 8-bit RGB: the floats come over once and are scaled,
	 * rounded and interleaved in one pass here, cheaper than five tensor operations
	 * first.
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

}
