package com.prompt2pixel.generate;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.diffusion.PipelineException;
import com.prompt2pixel.models.diffusion.StableDiffusionGenerator;
import com.prompt2pixel.system.EnvironmentProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The image generator, from {@code p2p.generate.backend}: the compositor (the default),
 * or Stable Diffusion on DJL from {@code p2p.generate.model-dir}. A pipeline that cannot
 * run stops the application at start, with the reason, before any run begins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GenerateProperties.class)
class GeneratorConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GeneratorConfiguration.class);

	/**
	 * Closed with the context ({@link StableDiffusionGenerator#close()} frees the
	 * models).
	 */
	@Bean
	ImageGenerator imageGenerator(GenerateProperties properties) {
		String backend = properties.effectiveBackend();
		return switch (backend) {
			case "compositor" -> new CompositorGenerator();
			case "djl" -> diffusion(properties);
			case "a1111", "openai" -> throw new EnvironmentProblem("backend " + backend
					+ " is not built yet; the backends that exist are " + GenerateProperties.BACKENDS);
			default -> throw new EnvironmentProblem(
					"p2p.generate.backend must be one of " + GenerateProperties.BACKENDS + ", was '" + backend + "'");
		};
	}

	private static ImageGenerator diffusion(GenerateProperties properties) {
		if (properties.modelDir() == null) {
			throw new EnvironmentProblem(
					"backend djl needs a pipeline directory: set p2p.generate.model-dir " + "(run --model-dir DIR)");
		}
		try {
			StableDiffusionGenerator generator = StableDiffusionGenerator.load(properties.modelDir(),
					properties.device());
			logger.info("generating with pipeline {} on {}", generator.model(), generator.device());
			return generator;
		}
		catch (PipelineException ex) {
			throw new EnvironmentProblem("backend djl cannot start: " + ex.getMessage(), ex);
		}
	}

}
