package com.prompt2pixel.generate;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.ImageGenerator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The image generator. Only the compositor exists so far; model backends come with the
 * generation engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GenerateProperties.class)
class GeneratorConfiguration {

	@Bean
	ImageGenerator imageGenerator() {
		return new CompositorGenerator();
	}

}
