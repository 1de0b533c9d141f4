package com.prompt2pixel.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link ScriptedGenerator} in place of the application's generator.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedGeneratorConfiguration {

	@Bean
	@Primary
	ScriptedGenerator scriptedGenerator() {
		return new ScriptedGenerator();
	}

}
