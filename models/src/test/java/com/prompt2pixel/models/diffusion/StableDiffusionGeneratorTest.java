package com.prompt2pixel.models.diffusion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.models.SceneComposer;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.models.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole DJL path on the committed tiny pipeline
 * ({@code models/export/make_tiny_pipeline.py}), on the CPU.
 */
class StableDiffusionGeneratorTest {

	static final Path TINY = tiny();

	private static StableDiffusionGenerator generator;

	@TempDir
	Path folder;

	@BeforeAll
	static void load() {
		generator = StableDiffusionGenerator.load(TINY, "cpu");
	}

	@AfterAll
	static void close() {
		generator.close();
	}

	@Test
	void shouldSayWhatItIs() {
		assertThat(generator.backend()).isEqualTo("djl");
		assertThat(generator.model()).isEqualTo("tiny-sd-test");
		assertThat(generator.generative()).isTrue();
		assertThat(generator.device()).isEqualTo("cpu()");
	}

	@Test
	void shouldGiveTheSameImageForTheSameSeedAndAnotherForAnother() {
		List<GeneratedImage> first = generator.generate(List.of(request(7, "euler"), request(8, "euler")));
		List<GeneratedImage> again = generator.generate(List.of(request(7, "euler")));

		assertThat(again.get(0).pixels()).isEqualTo(first.get(0).pixels());
		assertThat(first.get(1).pixels()).isNotEqualTo(first.get(0).pixels());
		BufferedImage image = first.get(0).pixels().toBufferedImage();
		assertThat(image.getWidth()).isEqualTo(96);
		assertThat(image.getHeight()).isEqualTo(64);
		assertThat(first.get(0).backend()).isEqualTo("djl");
		assertThat(first.get(0).model()).isEqualTo("tiny-sd-test");
	}

	@Test
	void shouldSampleAVPredictionPipelineThroughTheSameSchedulers() throws IOException {
		Path velocity = copyTiny("velocity");
		Files.writeString(velocity.resolve("pipeline.json"), Files.readString(velocity.resolve("pipeline.json"))
			.replace("\"prediction_type\": \"epsilon\"", "\"prediction_type\": \"v_prediction\""));

		try (StableDiffusionGenerator v = StableDiffusionGenerator.load(velocity, "cpu")) {
			RgbImage image = v.generate(List.of(request(7, "euler"))).get(0).pixels();

			assertThat(v.generate(List.of(request(7, "euler"))).get(0).pixels()).isEqualTo(image);
			// the same weights read as v rather than noise: another image
			assertThat(image).isNotEqualTo(generator.generate(List.of(request(7, "euler"))).get(0).pixels());
			assertThat(v.generate(List.of(request(7, "dpm++2m"))).get(0).pixels()).isNotNull();
		}
	}

	@Test
	void shouldKeepRequestOrderAcrossBatchesOfDifferentSizes() {
		ImageRequest small = request(1, "ddim");
		ImageRequest large = new ImageRequest("a mug on a table", "blurry", 2, 128, 128, new byte[0],
				SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5),
				new Sampling(3, 5.0, "ddim", "tiny", 1.0));

		List<GeneratedImage> images = generator.generate(List.of(small, large, small));

		assertThat(images.get(0).pixels().width()).isEqualTo(96);
		assertThat(images.get(1).pixels().width()).isEqualTo(128);
		assertThat(images.get(2).pixels()).isEqualTo(images.get(0).pixels());
	}

	@ParameterizedTest
	@ValueSource(strings = { "euler", "ddim", "dpm++2m", "lcm" })
	void shouldSampleWithEveryScheduler(String scheduler) {
		GeneratedImage image = generator.generate(List.of(request(3, scheduler))).get(0);

		assertThat(image.pixels().height()).isEqualTo(64);
	}

	@Test
	void shouldSkipTheNegativePromptWithoutGuidance() {
		ImageRequest unguided = new ImageRequest("a mug", "anything", 5, 64, 64, new byte[0],
				SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5), new Sampling(2, 1.0, "lcm", "tiny", 1.0));
		ImageRequest otherNegative = new ImageRequest("a mug", "something else", 5, 64, 64, new byte[0],
				SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5), new Sampling(2, 1.0, "lcm", "tiny", 1.0));

		assertThat(generator.generate(List.of(unguided)).get(0).pixels())
			.isEqualTo(generator.generate(List.of(otherNegative)).get(0).pixels());
	}

	@Test
	void shouldKeepTheProductsOwnPixelsAndGenerateTheSceneAroundThem() {
		assertKeepsTheProductAndGeneratesAroundIt(generator, withPhoto(11, 1.0));
	}

	static void assertKeepsTheProductAndGeneratesAroundIt(StableDiffusionGenerator generator, ImageRequest request) {
		GeneratedImage generated0 = generator.generate(List.of(request)).get(0);
		BufferedImage image = generated0.pixels().toBufferedImage();

		SceneComposer.Composition composition = SceneComposer.compose(request);
		float[] alpha = composition.productAlpha();
		assertThat(generated0.productMask()).as("the mask the engine kept the product by").containsExactly(alpha);
		int product = 0;
		int background = 0;
		int changed = 0;
		for (int p = 0; p < alpha.length; p++) {
			int x = p % 128;
			int y = p / 128;
			int generated = image.getRGB(x, y) & 0xFFFFFF;
			int scene = composition.scene().getRGB(x, y) & 0xFFFFFF;
			if (alpha[p] == 1f) {
				product++;
				assertThat(generated).as("product pixel %d,%d", x, y).isEqualTo(scene);
			}
			else if (alpha[p] == 0f) {
				background++;
				changed += (generated != scene) ? 1 : 0;
			}
		}
		assertThat(product).as("the ring covers part of the image").isGreaterThan(100);
		assertThat(changed).as("the scene around the product is generated").isGreaterThan(background * 9 / 10);
	}

	@Test
	void shouldStayCloserToTheComposedSceneAtALowerStrength() {
		double gentle = distanceFromScene(withPhoto(12, 0.25));
		double full = distanceFromScene(withPhoto(12, 1.0));

		assertThat(gentle).isLessThan(full);
	}

	private static double distanceFromScene(ImageRequest request) {
		BufferedImage image = generator.generate(List.of(request)).get(0).pixels().toBufferedImage();
		BufferedImage scene = SceneComposer.compose(request).scene();
		long total = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int a = image.getRGB(x, y);
				int b = scene.getRGB(x, y);
				for (int shift = 0; shift < 24; shift += 8) {
					total += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
				}
			}
		}
		return total / (3.0 * image.getWidth() * image.getHeight());
	}

	static ImageRequest withPhoto(long seed, double strength) {
		return new ImageRequest("a red ring on a marble table", "blurry", seed, 128, 96,
				Png.encode(TestPhotos.redRingOnWhite()), SceneStyle.of(List.of("#f4f4f2", "#e6e5e1", "#d8d6d0"), 0.6),
				new Sampling(4, 5.0, "euler", "tiny", strength));
	}

	@Test
	void shouldRefuseAMissingOrIncompletePipelineByName() throws IOException {
		assertThatThrownBy(() -> StableDiffusionGenerator.load(this.folder.resolve("nowhere"), "cpu"))
			.isInstanceOf(PipelineException.class)
			.hasMessage("pipeline directory " + this.folder.resolve("nowhere") + " does not exist");
		assertThatThrownBy(() -> StableDiffusionGenerator.load(this.folder, "cpu"))
			.hasMessage("pipeline directory " + this.folder + " has no pipeline.json; export one with models/export/");

		Path broken = copyTiny("broken");
		Files.delete(broken.resolve("unet.pt"));
		Files.writeString(broken.resolve("pipeline.json"), Files.readString(broken.resolve("pipeline.json"))
			.replace("\"latent_channels\": 4", "\"latent_channels\": 0"));
		assertThatThrownBy(() -> StableDiffusionGenerator.load(broken, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessage("pipeline " + broken.resolve("pipeline.json") + " cannot be used: 'unet' names unet.pt, "
					+ "which is not in " + broken + "; 'latent_channels' must be a positive whole number");
	}

	@Test
	void shouldRefuseAPartOfTheWrongShapeWhenItLoads() throws IOException {
		Path swapped = copyTiny("swapped");
		Files.writeString(swapped.resolve("pipeline.json"), Files.readString(swapped.resolve("pipeline.json"))
			.replace("\"text_hidden_size\": 32", "\"text_hidden_size\": 768"));

		assertThatThrownBy(() -> StableDiffusionGenerator.load(swapped, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessage("the text encoder in " + swapped.resolve("text_encoder.pt")
					+ " gives (1, 16, 32) where pipeline.json implies (1, 16, 768)");
	}

	@Test
	void shouldRefuseADeviceThatIsNotThere() {
		assertThatThrownBy(() -> StableDiffusionGenerator.load(TINY, "cuda:3")).isInstanceOf(PipelineException.class)
			.hasMessageStartingWith("device cuda:3 does not exist: PyTorch sees 0 CUDA device(s) here");
		assertThatThrownBy(() -> StableDiffusionGenerator.load(TINY, "tpu")).isInstanceOf(PipelineException.class)
			.hasMessage("device 'tpu' is not cpu, cuda or cuda:N");
	}

	@Test
	void shouldRefuseAPipelineLargerThanTheDevicesMemoryBeforeLoadingIt() throws IOException {
		Path huge = copyTiny("huge");
		// a sparse file: 4 TiB by its size, no disk used, larger than any machine's
		// memory
		try (RandomAccessFile unet = new RandomAccessFile(huge.resolve("unet.pt").toFile(), "rw")) {
			unet.setLength(4L << 40);
		}

		assertThatThrownBy(() -> StableDiffusionGenerator.load(huge, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessageStartingWith("pipeline " + huge + " is too large for the CPU: its weights take 4096.0 GiB and "
					+ "it needs about 4915.2 GiB with working memory, but the CPU has ")
			.hasMessageEndingWith(" free; use a smaller or float16 export, or another device");
	}

	@Test
	void shouldCountEveryPartsFileAsWeights() throws IOException {
		PipelineConfig config = PipelineConfig.read(TINY);
		long weights = DeviceMemory.weights(config);
		long parts = 0;
		for (String part : List.of("text_encoder.pt", "unet.pt", "vae_decoder.pt", "vae_encoder.pt")) {
			parts += Files.size(TINY.resolve(part));
		}
		assertThat(weights).isEqualTo(parts);

		DeviceMemory.check(config, "cuda:0", (long) (weights * 1.2) + 1);
		assertThatThrownBy(() -> DeviceMemory.check(config, "cuda:0", weights))
			.hasMessage("pipeline " + TINY + " is too large for cuda:0: its weights take 0.2 MiB and it needs about "
					+ "0.2 MiB with working memory, but cuda:0 has 0.2 MiB free; use a smaller or float16 export, "
					+ "or another device");
	}

	private Path copyTiny(String name) throws IOException {
		return copy(TINY, this.folder.resolve(name));
	}

	/** A copy of a pipeline directory, to break. */
	static Path copy(Path pipeline, Path copy) throws IOException {
		Files.createDirectories(copy);
		try (var files = Files.list(pipeline)) {
			for (Path file : files.toList()) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
		}
		return copy;
	}

	static ImageRequest request(long seed, String scheduler) {
		return new ImageRequest("a terracotta mug on a wooden table, soft morning light", "blurry, watermark", seed, 96,
				64, new byte[0], SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5),
				new Sampling(4, 7.0, scheduler, "tiny", 1.0));
	}

	private static Path tiny() {
		try {
			return Path.of(StableDiffusionGeneratorTest.class.getResource("/tiny-sd/pipeline.json").toURI())
				.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
