package com.prompt2pixel.generate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.system.EnvironmentProblem;
import com.prompt2pixel.system.RetryProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorConfigurationTest {

	private static final Path TINY = Path.of("..", "models", "src", "test", "resources", "tiny-sd")
		.toAbsolutePath()
		.normalize();

	private static final RetryProperties RETRY = new RetryProperties(6, Duration.ofSeconds(1), Duration.ofMinutes(1),
			0.5);

	private final GeneratorConfiguration configuration = new GeneratorConfiguration();

	@Test
	void shouldRenderWithTheCompositorWhenNothingIsConfigured() {
		ImageGenerator generator = this.configuration.imageGenerator(properties(null, null, Map.of()), RETRY);

		assertThat(generator.backend()).isEqualTo("compositor");
		assertThat(generator.forModel("anything")).isSameAs(generator);
	}

	@Test
	void shouldRouteEachModelNameToItsBackendAndKeepRequestOrder() throws Exception {
		GenerateProperties.Backend djl = new GenerateProperties.Backend("djl", TINY, "cpu", null, null, null, null,
				null);
		ImageGenerator generator = this.configuration
			.imageGenerator(properties(null, null, Map.of("turbo", djl, "turbo-too", djl)), RETRY);
		try {
			assertThat(generator.backend()).isEqualTo("compositor");
			assertThat(generator.forModel("turbo").backend()).isEqualTo("djl");
			assertThat(generator.forModel("turbo-too")).as("one pipeline on one device is loaded once")
				.isSameAs(generator.forModel("turbo"));
			assertThat(generator.forModel("default").backend()).isEqualTo("compositor");

			List<GeneratedImage> images = generator
				.generate(List.of(request("default"), request("turbo"), request("default")));

			assertThat(images).extracting(GeneratedImage::backend).containsExactly("compositor", "djl", "compositor");
		}
		finally {
			((AutoCloseable) generator).close();
		}
	}

	@Test
	void shouldCutProductsOutAsConfiguredAndRefuseAMatteThatCannotStart() {
		assertThat(this.configuration.productMatte(new MatteProperties(null, null, null)).key()).isEqualTo("auto");
		Path tinyMatte = TINY.resolveSibling("tiny-matte");
		try (ProductMatte model = this.configuration.productMatte(new MatteProperties("model", tinyMatte, "cpu"))) {
			assertThat(model.key()).isEqualTo("model:tiny-dark-on-white");
		}
		assertThatThrownBy(() -> this.configuration.productMatte(new MatteProperties("model", null, null)))
			.isInstanceOf(EnvironmentProblem.class)
			.hasMessageStartingWith("p2p.matte: the model matte needs --model-dir");
		assertThatThrownBy(() -> this.configuration.productMatte(new MatteProperties("magic", null, null)))
			.hasMessage("p2p.matte: matte 'magic' is not one of auto, alpha, keyer, model");
	}

	@Test
	void shouldRefuseABackendThatLacksWhatItNeeds() {
		assertThatThrownBy(() -> this.configuration.imageGenerator(properties("a1111", null, Map.of()), RETRY))
			.isInstanceOf(EnvironmentProblem.class)
			.hasMessage("backend a1111 needs p2p.generate.url, the server's base URL");
		assertThatThrownBy(
				() -> this.configuration.imageGenerator(
						properties(null, null,
								Map.of("hosted",
										new GenerateProperties.Backend("openai", null, null,
												URI.create("https://api.example.com"), null, null, null, null))),
						RETRY))
			.hasMessage("backend openai needs p2p.generate.models.hosted.model, e.g. dall-e-3");
		assertThatThrownBy(() -> this.configuration.imageGenerator(properties("midjourney", null, Map.of()), RETRY))
			.hasMessage("p2p.generate.backend must be one of [compositor, djl, a1111, openai], was 'midjourney'");
		assertThatThrownBy(
				() -> this.configuration.imageGenerator(properties("djl", Path.of("nowhere"), Map.of()), RETRY))
			.hasMessageStartingWith("backend djl cannot start: pipeline directory nowhere does not exist");
	}

	private static GenerateProperties properties(String backend, Path modelDir,
			Map<String, GenerateProperties.Backend> models) {
		return new GenerateProperties(8, 4, backend, modelDir, "cpu", null, null, null, null, null, models);
	}

	private static ImageRequest request(String model) throws IOException {
		return new ImageRequest("a red ring", "blurry", 1, 64, 64,
				Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/mug-clay-01.png")),
				SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5),
				new Sampling(2, 5.0, "euler", model, 1.0));
	}

}
