package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.Png;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pipeline whose UNet is an inpainting one (9 input channels: latents, the mask of what
 * to generate, the latents of the pixels to keep), on the committed tiny pipeline built
 * by {@code make_tiny_pipeline.py --inpainting}.
 */
class InpaintingUnetTest {

	private static final Path TINY_INPAINTING = resource("/tiny-sd-inpainting/pipeline.json");

	private static StableDiffusionGenerator generator;

	@TempDir
	Path folder;

	@BeforeAll
	static void load() {
		generator = StableDiffusionGenerator.load(TINY_INPAINTING, "cpu");
	}

	@AfterAll
	static void close() {
		generator.close();
	}

	@Test
	void shouldKeepTheProductsOwnPixelsAndGenerateTheSceneAroundThem() {
		StableDiffusionGeneratorTest.assertKeepsTheProductAndGeneratesAroundIt(generator,
				StableDiffusionGeneratorTest.withPhoto(11, 1.0));
	}

	@Test
	void shouldGenerateWithoutAProductTooAndRepeatItsImageForItsSeed() {
		List<GeneratedImage> first = generator.generate(List.of(StableDiffusionGeneratorTest.request(7, "euler"),
				StableDiffusionGeneratorTest.request(8, "dpm++2m")));
		List<GeneratedImage> again = generator.generate(List.of(StableDiffusionGeneratorTest.request(7, "euler")));

		assertThat(again.get(0).pixels()).isEqualTo(first.get(0).pixels());
		assertThat(first.get(1).pixels()).isNotEqualTo(first.get(0).pixels());
		assertThat(first.get(1).pixels().width()).isEqualTo(96);
		assertThat(first.get(0).model()).isEqualTo("tiny-sd-inpainting-test");
		assertThat(first.get(0).productMask()).as("no product, no mask").isNull();
	}

	@Test
	void shouldRefuseAnInpaintingUnetThatPipelineJsonDoesNotDeclare() throws IOException {
		Path undeclared = copy(TINY_INPAINTING, "undeclared");
		edit(undeclared, "\"unet_in_channels\": 9", "\"unet_in_channels\": 4");

		assertThatThrownBy(() -> StableDiffusionGenerator.load(undeclared, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessageStartingWith("the UNet in " + undeclared.resolve("unet.pt")
					+ " does not take the inputs pipeline.json describes (expected output (1, 4, 8, 8))");
	}

	@Test
	void shouldRefuseAPlainUnetDeclaredAsAnInpaintingOne() throws IOException {
		Path plain = copy(StableDiffusionGeneratorTest.TINY, "plain");
		edit(plain, "\"latent_channels\": 4,", "\"latent_channels\": 4, \"unet_in_channels\": 9,");

		assertThatThrownBy(() -> StableDiffusionGenerator.load(plain, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessageStartingWith(
					"the UNet in " + plain.resolve("unet.pt") + " does not take the inputs pipeline.json describes");
	}

	@Test
	void shouldRefuseInputChannelsNoUnetTakesAndAnInpaintingUnetWithoutAVaeEncoder() throws IOException {
		Path odd = copy(TINY_INPAINTING, "odd");
		edit(odd, "\"unet_in_channels\": 9", "\"unet_in_channels\": 7");
		assertThatThrownBy(() -> StableDiffusionGenerator.load(odd, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessage("pipeline " + odd.resolve("pipeline.json") + " cannot be used: 'unet_in_channels' is 7: a "
					+ "UNet takes the latent channels (4), or 9 if it is an inpainting UNet");

		Path noEncoder = copy(TINY_INPAINTING, "no-encoder");
		edit(noEncoder, "\"vae_encoder\": \"vae_encoder.pt\",", "");
		assertThatThrownBy(() -> StableDiffusionGenerator.load(noEncoder, "cpu")).isInstanceOf(PipelineException.class)
			.hasMessage("pipeline " + noEncoder.resolve("pipeline.json") + " cannot be used: an inpainting UNet "
					+ "('unet_in_channels' 9) needs a 'vae_encoder' for the pixels it keeps");
	}

	private Path copy(Path pipeline, String name) throws IOException {
		return StableDiffusionGeneratorTest.copy(pipeline, this.folder.resolve(name));
	}

	private static void edit(Path pipeline, String from, String to) throws IOException {
		Path json = pipeline.resolve("pipeline.json");
		String text = Files.readString(json);
		assertThat(text).contains(from);
		Files.writeString(json, text.replace(from, to));
	}

	private static Path resource(String name) {
		try {
			return Path.of(InpaintingUnetTest.class.getResource(name).toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
