package com.prompt2pixel.generate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.models.diffusion.PipelineException;
import com.prompt2pixel.models.diffusion.StableDiffusionGenerator;
import com.prompt2pixel.models.remote.Automatic1111Generator;
import com.prompt2pixel.models.remote.OpenAiImagesGenerator;
import com.prompt2pixel.models.remote.RemoteEndpoint;
import com.prompt2pixel.system.EnvironmentProblem;
import com.prompt2pixel.system.RetryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The image generator: the default backend from {@code p2p.generate.*} (the compositor
 * unless configured), and the backends of named models from
 * {@code p2p.generate.models.<name>.*}. A backend that cannot start stops the application
 * at start, with the reason, before any run begins. One pipeline directory on one device
 * is loaded once, however many model names share it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GenerateProperties.class, MatteProperties.class })
class GeneratorConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GeneratorConfiguration.class);

	private static final Duration REMOTE_TIMEOUT = Duration.ofMinutes(3);

	private static final int REMOTE_ATTEMPTS = 4;

	/** Closed with the context: the router closes every backend it holds. */
	@Bean
	ImageGenerator imageGenerator(GenerateProperties properties, RetryProperties retry) {
		Map<GenerateProperties.Backend, ImageGenerator> loaded = new HashMap<>();
		ImageGenerator fallback = create("p2p.generate", properties.defaultBackend(), retry, loaded);
		if (properties.models().isEmpty()) {
			return fallback;
		}
		Map<String, ImageGenerator> byModel = new HashMap<>();
		properties.models()
			.forEach((name, backend) -> byModel.put(name,
					create("p2p.generate.models." + name, backend, retry, loaded)));
		return new ModelRouter(fallback, byModel);
	}

	/**
	 * How runs cut products out ({@code p2p.matte.*}); a model that cannot load stops the
	 * application at start. Closed with the context.
	 */
	@Bean
	ProductMatte productMatte(MatteProperties properties) {
		try {
			ProductMatte matte = ProductMatte.named(properties.method(), properties.modelDir(), properties.device());
			logger.info("p2p.matte: {}", matte.key());
			return matte;
		}
		catch (IllegalArgumentException ex) {
			throw new EnvironmentProblem("p2p.matte: " + ex.getMessage(), ex);
		}
	}

	private static ImageGenerator create(String prefix, GenerateProperties.Backend spec, RetryProperties retry,
			Map<GenerateProperties.Backend, ImageGenerator> loaded) {
		ImageGenerator existing = loaded.get(spec);
		if (existing != null) {
			return existing;
		}
		ImageGenerator generator = switch (spec.name()) {
			case "compositor" -> new CompositorGenerator();
			case "djl" -> diffusion(prefix, spec);
			case "a1111" ->
				new Automatic1111Generator(remote(prefix, spec, Map.of(), retry), blankToNull(spec.model()));
			case "openai" -> openAi(prefix, spec, retry);
			default -> throw new EnvironmentProblem(
					prefix + ".backend must be one of " + GenerateProperties.BACKENDS + ", was '" + spec.name() + "'");
		};
		loaded.put(spec, generator);
		logger.info("{}: backend {}, model {}", prefix, generator.backend(), generator.model());
		return generator;
	}

	private static ImageGenerator diffusion(String prefix, GenerateProperties.Backend spec) {
		if (spec.modelDir() == null) {
			throw new EnvironmentProblem(
					"backend djl needs a pipeline directory: set " + prefix + ".model-dir (run --model-dir DIR)");
		}
		try {
			return StableDiffusionGenerator.load(spec.modelDir(), spec.device());
		}
		catch (PipelineException ex) {
			throw new EnvironmentProblem("backend djl cannot start: " + ex.getMessage(), ex);
		}
	}

	private static ImageGenerator openAi(String prefix, GenerateProperties.Backend spec, RetryProperties retry) {
		if (spec.model() == null || spec.model().isBlank()) {
			throw new EnvironmentProblem("backend openai needs " + prefix + ".model, e.g. dall-e-3");
		}
		Map<String, String> headers = (spec.apiKey() == null || spec.apiKey().isBlank()) ? Map.of()
				: Map.of("Authorization", "Bearer " + spec.apiKey());
		return new OpenAiImagesGenerator(remote(prefix, spec, headers, retry), spec.model());
	}

	private static RemoteEndpoint remote(String prefix, GenerateProperties.Backend spec, Map<String, String> headers,
			RetryProperties retry) {
		if (spec.url() == null) {
			throw new EnvironmentProblem("backend " + spec.name() + " needs " + prefix + ".url, the server's base URL");
		}
		// the one policy, with the backend's attempts per image (an image is costly to
		// ask
		// for again and again)
		int attempts = (spec.attempts() != null) ? spec.attempts() : REMOTE_ATTEMPTS;
		return new RemoteEndpoint(spec.url(), headers, (spec.timeout() != null) ? spec.timeout() : REMOTE_TIMEOUT,
				RemoteEndpoint.retry(prefix, retry.policy(attempts)));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
