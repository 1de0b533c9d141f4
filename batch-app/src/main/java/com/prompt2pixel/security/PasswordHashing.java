package com.prompt2pixel.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff passwords are hashed by Spring Security's delegating encoder (bcrypt today; the
 * stored {@code {id}} prefix lets a later default take over without a reset), in the web
 * server and in {@code user add} alike.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
