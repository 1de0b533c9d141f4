package com.prompt2pixel.system;

import java.time.Duration;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPropertiesTest {

	private final RetryProperties properties = new RetryProperties(6, Duration.ofSeconds(1), Duration.ofSeconds(60),
			0.5);

	@RepeatedTest(20)
	void shouldDoubleEachWaitWithinItsJitterUpToTheCap() {
		IntervalBiFunction<Object> waits = this.properties.policy().getIntervalBiFunction();

		for (int attempt = 1; attempt <= 9; attempt++) {
			long nominal = Math.min(1000L << (attempt - 1), 60_000);
			assertThat(waits.apply(attempt, Either.left(new RuntimeException()))).as("wait after attempt %d", attempt)
				.isBetween(nominal / 2, Math.min(nominal * 3 / 2, 60_000));
		}
	}

	@Test
	void shouldDrawDifferentWaitsSoThatClientsThatFailedTogetherDoNotRetryTogether() {
		IntervalBiFunction<Object> waits = this.properties.policy().getIntervalBiFunction();

		assertThat(java.util.stream.IntStream.range(0, 20)
			.mapToObj((i) -> waits.apply(3, Either.left(new RuntimeException())))
			.distinct()
			.count()).isGreaterThan(1);
	}

	@Test
	void shouldTakeABackendsOwnAttemptsAndWaitExactlyWithoutJitter() {
		RetryConfig policy = new RetryProperties(6, Duration.ofMillis(100), Duration.ofMillis(300), 0).policy(3);

		assertThat(policy.getMaxAttempts()).isEqualTo(3);
		assertThat(java.util.stream.IntStream.rangeClosed(1, 4)
			.mapToObj((attempt) -> policy.getIntervalBiFunction().apply(attempt, Either.left(new RuntimeException())))
			.toList()).containsExactly(100L, 200L, 300L, 300L);
	}

}
