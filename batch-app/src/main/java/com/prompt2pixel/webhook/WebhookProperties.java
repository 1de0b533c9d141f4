package com.prompt2pixel.webhook;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedHosts host names or CIDR ranges endpoints may be on besides the public
 * internet (loopback, private and link-local addresses are refused otherwise)
 * @param requireHttps whether endpoints must be https URLs
 * @param timeout how long one attempt may take
 * @param firstBackoff the wait after a first failed attempt; it doubles after each, up to
 * an hour
 * @param retryFor how long after its event a delivery is tried before it is given up
 */
@Validated
@ConfigurationProperties("p2p.webhooks")
public record WebhookProperties(List<String> allowedHosts, boolean requireHttps, @NotNull Duration timeout,
		@NotNull Duration firstBackoff, @NotNull Duration retryFor) {

	public WebhookProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
	}

}
