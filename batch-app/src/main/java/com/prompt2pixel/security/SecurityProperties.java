package com.prompt2pixel.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param loginAttempts failed staff logins in a row that lock the account
 * @param lockout how long a locked account stays locked
 * @param requestsPerSecond the most API requests one key may make in a second (429 with
 * {@code Retry-After} above)
 */
@Validated
@ConfigurationProperties("p2p.security")
public record SecurityProperties(@Min(1) int loginAttempts, @NotNull Duration lockout, @Min(1) int requestsPerSecond) {
}
