package com.prompt2pixel.system;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one retry policy for calls to other services (the Shopify Admin API, remote
 * generation backends): exponential backoff with jitter and a cap. Each client adds what
 * its protocol says: which failures are worth another attempt, and the server's
 * {@code Retry-After}, which replaces the backoff.
 *
 * @param attempts attempts in all, the first included
 * @param firstBackoff the wait after the first failure, doubled after each
 * @param maxBackoff the longest wait between two attempts
 * @param jitter how far each wait is drawn from its nominal value, as a share of it (0.5:
 * between half and one and a half times), so that clients that failed together do not
 * retry together
 */
@Validated
@ConfigurationProperties("p2p.retry")
public record RetryProperties(@Min(1) @Max(20) int attempts, @NotNull Duration firstBackoff,
		@NotNull Duration maxBackoff, @DecimalMin("0.0") @DecimalMax("1.0") double jitter) {

	/** The policy, as resilience4j's configuration that the clients take. */
	public RetryConfig policy() {
		return policy(this.attempts);
	}

	/** The policy with a number of attempts of its own (a backend's setting). */
	public RetryConfig policy(int attempts) {
		IntervalFunction backoff = (this.jitter > 0)
				? IntervalFunction.ofExponentialRandomBackoff(this.firstBackoff, 2.0, this.jitter, this.maxBackoff)
				: IntervalFunction.ofExponentialBackoff(this.firstBackoff, 2.0, this.maxBackoff);
		return RetryConfig.custom().maxAttempts(attempts).intervalFunction(backoff).build();
	}

}
