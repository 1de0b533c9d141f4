package com.prompt2pixel.security;

import java.io.IOException;
import java.time.Duration;

import com.prompt2pixel.system.Problems;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code p2p.security.requests-per-second} requests a second per API key
 * (resilience4j's rate limiter, one per key, never waiting): a request over it is
 * answered 429 with {@code Retry-After}, before it costs anything else.
 */
class ApiRateLimit extends OncePerRequestFilter {

	private final RateLimiterRegistry limiters;

	ApiRateLimit(int requestsPerSecond) {
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(requestsPerSecond)
			.limitRefreshPeriod(Duration.ofSeconds(1))
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof MerchantAuthentication merchant) {
			RateLimiter limiter = this.limiters.rateLimiter("api-key-" + merchant.key().id());
			if (!limiter.acquirePermission()) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "more than "
						+ limiter.getRateLimiterConfig().getLimitForPeriod()
						+ " requests in a second with this API key (p2p.security.requests-per-second); slow down");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
