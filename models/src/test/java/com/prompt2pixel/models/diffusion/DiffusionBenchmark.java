package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DJL engine: images per second at batch 1, 4 and 8 (512x512, 20 Euler steps,
 * guidance 7: the doubled batch), and the per-image cost outside the model (tokenising,
 * noise, scheduler and guidance math, decoding to PNG, storing). By default the tiny
 * pipeline on the CPU;
 * {@code -Dbenchmark.model-dir=DIR -Dbenchmark.device=cuda -Dbenchmark.steps=25
 * -Dbenchmark.batches=1,8} for a GPU machine. Not part of the test suite; run with
 * {@code cd models && ../mvnw -B -q surefire:test -Dtest=DiffusionBenchmark -Dbenchmarks.excluded=}
 * beside {@code benchmarks/diffusion/torch_tiny.py} (same files, same threads). Results
 * go to stdout and {@code models/target/benchmarks/diffusion.txt}; record them in
 * docs/BENCHMARKS.md.
 */
@Tag("benchmark")
class DiffusionBenchmark {

	private static final int SIZE = Integer.getInteger("benchmark.size", 512);

	private static final int STEPS = Integer.getInteger("benchmark.steps", 20);

	/** Another pipeline (an SD 1.5-scale one on a GPU machine), or the tiny one. */
	private static final Path MODEL = Path
		.of(System.getProperty("benchmark.model-dir", StableDiffusionGeneratorTest.TINY.toString()));

	private static final String DEVICE = System.getProperty("benchmark.device", "cpu");

	private static final int[] BATCHES = Arrays.stream(System.getProperty("benchmark.batches", "1,4,8").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	private final List<String> lines = new ArrayList<>();

	@Test
	void measure() throws IOException {
		try (StableDiffusionGenerator generator = StableDiffusionGenerator.load(MODEL, DEVICE)) {
			report("pipeline %s on %s, %dx%d, %d Euler steps, guidance 7", generator.model(), generator.device(), SIZE,
					SIZE, STEPS);
			generator.generate(requests(1));
			for (int batch : BATCHES) {
				int runs = 3;
				long started = System.nanoTime();
				for (int run = 0; run < runs; run++) {
					assertThat(generator.generate(requests(batch))).hasSize(batch);
				}
				double seconds = (System.nanoTime() - started) / 1e9 / runs;
				report("djl generate(), batch %d: %.3f s per batch, %.2f images/s", batch, seconds, batch / seconds);
			}
			overhead(generator);
		}
		Path out = Path.of("target", "benchmarks", "diffusion.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, this.lines);
	}

	/**
	 * Per image, at 512x512 and 20 steps: everything the engine does besides the three
	 * models.
	 */
	private void overhead(StableDiffusionGenerator generator) throws IOException {
		int rounds = 50;
		Path folder = Files.createTempDirectory("p2p-bench");
		try (NDManager manager = NDManager.newBaseManager()) {
			double tokens = time(rounds, () -> generator.tokens(manager,
					List.of("a terracotta mug on a wooden table, soft morning light", "blurry")));
			double noise = time(rounds, () -> new SeededNoise(7).next(4 * (SIZE / 8) * (SIZE / 8)));
			double scheduler1 = scheduler(manager, 1);
			double scheduler8 = scheduler(manager, 8) / 8;
			NDArray noisy = manager.randomUniform(-1, 1, new Shape(1, 3, SIZE, SIZE));
			byte[][] png = new byte[1][];
			double decodeNoise = time(rounds, () -> png[0] = encoded(noisy).get(0));
			// a smooth image: a product on a plain background compresses like this
			NDArray smooth = manager.arange(SIZE * SIZE * 3)
				.toType(DataType.FLOAT32, false)
				.div(SIZE * SIZE * 3)
				.reshape(1, 3, SIZE, SIZE)
				.mul(2)
				.sub(1);
			byte[][] smoothPng = new byte[1][];
			double decodeSmooth = time(rounds, () -> smoothPng[0] = encoded(smooth).get(0));
			// a photograph: the smooth image with grain of a few levels, which after the
			// Up
			// filter compresses to about half, as a real photograph does
			NDArray textured = smooth.add(manager.randomUniform(-0.03f, 0.03f, smooth.getShape()));
			byte[][] texturedPng = new byte[1][];
			double decodeTextured = time(rounds, () -> texturedPng[0] = encoded(textured).get(0));
			// a batch of 8 is encoded one image per core at a time
			NDArray smoothBatch = smooth.repeat(0, 8);
			NDArray noisyBatch = noisy.repeat(0, 8);
			NDArray texturedBatch = textured.repeat(0, 8);
			double decodeSmooth8 = time(10, () -> encoded(smoothBatch)) / 8;
			double decodeTextured8 = time(10, () -> encoded(texturedBatch)) / 8;
			double decodeNoise8 = time(10, () -> encoded(noisyBatch)) / 8;
			double storeSmooth = time(rounds, () -> store(folder, smoothPng[0]));
			double storeNoise = time(rounds, () -> store(folder, png[0]));
			double storeTextured = time(rounds, () -> store(folder, texturedPng[0]));
			report("outside the model, per %dx%d image: tokenising %.2f ms, initial noise %.2f ms, scheduler and "
					+ "guidance (%d steps) %.2f ms at batch 1 or %.2f ms at batch 8", SIZE, SIZE, tokens, noise, STEPS,
					scheduler1, scheduler8);
			report("PNG of one image, and storing it: smooth %.2f ms (%d bytes), %.2f ms; photograph-like %.2f ms "
					+ "(%d bytes), %.2f ms; noise %.2f ms (%d bytes), %.2f ms", decodeSmooth, smoothPng[0].length,
					storeSmooth, decodeTextured, texturedPng[0].length, storeTextured, decodeNoise, png[0].length,
					storeNoise);
			report("PNG per image within a batch of 8 (encoded in parallel): %.2f ms smooth, %.2f ms photograph-like, "
					+ "%.2f ms noise", decodeSmooth8, decodeTextured8, decodeNoise8);
			// the encoder alone, off the lane, ours against zlib at its fastest level
			for (NDArray[] image : new NDArray[][] { { smooth }, { textured }, { noisy } }) {
				RgbImage pixels = VaeDecoding.toPixels(image[0]).get(0);
				double ours = time(rounds, () -> Png.encode(pixels));
				double zlib = time(rounds, () -> zlibPng(pixels));
				report("PNG encoding alone: Deflate %.2f ms (%d bytes), java.util.zip.Deflater(BEST_SPEED) %.2f ms "
						+ "(%d bytes)", ours, Png.encode(pixels).length, zlib, zlibPng(pixels).length);
			}
			double common = tokens + noise + scheduler8;
			report("total outside the model, batch 8: %.2f ms per smooth image, %.2f ms per photograph-like image, "
					+ "%.2f ms per noise image", common + decodeSmooth8 + storeSmooth,
					common + decodeTextured8 + storeTextured, common + decodeNoise8 + storeNoise);
		}
	}

	/** Stores as the image store does: a temporary file, then an atomic rename. */
	/**
	 * What an image costs from the decoder's output to PNG bytes: read into pixels, then
	 * encoded (after the generator returns), one image per core at a time.
	 */
	private static List<byte[]> encoded(NDArray pixels) {
		return VaeDecoding.toPixels(pixels).parallelStream().map(Png::encode).toList();
	}

	/**
	 * The same "Up"-filtered rows compressed by zlib at its fastest level, the encoder
	 * the project's own Deflate replaced: for the comparison only.
	 */
	private static byte[] zlibPng(RgbImage image) {
		int stride = image.width() * 3;
		byte[] rgb = image.rgb();
		byte[] filtered = new byte[image.height() * (stride + 1)];
		for (int y = 0; y < image.height(); y++) {
			filtered[y * (stride + 1)] = 2;
			for (int x = 0; x < stride; x++) {
				int above = (y == 0) ? 0 : rgb[(y - 1) * stride + x];
				filtered[y * (stride + 1) + 1 + x] = (byte) (rgb[y * stride + x] - above);
			}
		}
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		deflater.setInput(filtered);
		deflater.finish();
		byte[] out = new byte[filtered.length + 1024];
		int length = deflater.deflate(out);
		deflater.end();
		return Arrays.copyOf(out, length);
	}

	private static void store(Path folder, byte[] png) {
		try {
			Path partial = Files.createTempFile(folder, ".partial-", ".png");
			Files.write(partial, png);
			Files.move(partial, folder.resolve("image.png"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Scheduler and guidance math of one batch over every step, in ms. */
	private static double scheduler(NDManager manager, int batch) {
		NDArray latents = manager.randomNormal(new Shape(batch, 4, SIZE / 8, SIZE / 8));
		NDArray output = manager.randomNormal(new Shape(2L * batch, 4, SIZE / 8, SIZE / 8));
		return time(20, () -> {
			Scheduler euler = Scheduler.create("euler", NoiseSchedule.STABLE_DIFFUSION, STEPS);
			NDArray sample = latents;
			for (int step = 0; step < STEPS; step++) {
				try (NDScope scope = new NDScope()) {
					euler.scaleModelInput(sample, step);
					NDArray next = euler.step(DenoisingLoop.guide(output, batch, 7.0), step, sample, null);
					NDScope.unregister(next);
					sample = next;
				}
			}
		});
	}

	/**
	 * Mean time of a round, after as many rounds again to warm up: a service runs these
	 * paths compiled, so the measure should too.
	 */
	private static double time(int rounds, Runnable work) {
		for (int i = 0; i < rounds; i++) {
			work.run();
		}
		long started = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			work.run();
		}
		return (System.nanoTime() - started) / 1e6 / rounds;
	}

	private void report(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		System.out.println(line);
		this.lines.add(line);
	}

	private static List<ImageRequest> requests(int count) {
		List<ImageRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(new ImageRequest("a terracotta mug on a wooden table, soft morning light", "blurry", i, SIZE,
					SIZE, new byte[0], SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5),
					new Sampling(STEPS, 7.0, "euler", "tiny", 1.0)));
		}
		return requests;
	}

}
