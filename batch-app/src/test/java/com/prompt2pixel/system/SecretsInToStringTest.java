package com.prompt2pixel.system;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.prompt2pixel.connectors.shopify.ShopifyShop;
import com.prompt2pixel.generate.GenerateProperties;
import com.prompt2pixel.ingest.ShopifyProperties;
import com.prompt2pixel.models.remote.RemoteEndpoint;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records that hold a secret print without it: a log line or an error message that
 * shows one of them shows no key, token or secret.
 */
class SecretsInToStringTest {

	private static final String SECRET = "sk-live-0123456789abcdef";

	@Test
	void shouldPrintNoSecretOfTheRecordsThatHoldOne() {
		GenerateProperties.Backend backend = new GenerateProperties.Backend("openai", null, null,
				URI.create("https://api.example.com"), "dall-e-3", SECRET, null, null);
		Object[] holders = { new ShopifyShop("acme.myshopify.com", SECRET, "2025-10"),
				new RemoteEndpoint(URI.create("https://api.example.com"), Map.of("Authorization", "Bearer " + SECRET),
						Duration.ofSeconds(5), RemoteEndpoint.retry("openai", RetryConfig.ofDefaults())),
				new ShopifyProperties("2025-10", 2000, Duration.ofSeconds(5), Duration.ofHours(2),
						Duration.ofSeconds(30), 10, java.util.List.of("active"), 2, SECRET, SECRET + "-old",
						Duration.ofHours(6)),
				backend, new GenerateProperties(8, 2, "openai", null, null, null, "dall-e-3", SECRET, null, null,
						Map.of("hosted", backend)) };

		for (Object holder : holders) {
			assertThat(holder.toString()).as(holder.getClass().getSimpleName()).doesNotContain(SECRET);
		}
	}

}
