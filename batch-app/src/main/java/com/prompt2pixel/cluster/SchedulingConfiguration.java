package com.prompt2pixel.cluster;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every schedule decision reads (a test replaces it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class SchedulingConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
