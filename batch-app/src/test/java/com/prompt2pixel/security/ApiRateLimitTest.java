package com.prompt2pixel.security;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRateLimitTest {

	private final ApiRateLimit limit = new ApiRateLimit(2);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldAnswerTooManyRequestsOverTheLimitOfAKeyAndNotOfAnother() throws Exception {
		as(1);
		assertThat(call().getStatus()).isEqualTo(200);
		assertThat(call().getStatus()).isEqualTo(200);

		MockHttpServletResponse third = call();

		assertThat(third.getStatus()).isEqualTo(429);
		assertThat(third.getHeader("Retry-After")).isEqualTo("1");
		assertThat(third.getContentType()).isEqualTo("application/problem+json");
		assertThat(third.getContentAsString()).contains("more than 2 requests in a second");
		as(2);
		assertThat(call().getStatus()).as("each key has its own limit").isEqualTo(200);
	}

	private void as(long keyId) {
		SecurityContextHolder.getContext()
			.setAuthentication(new MerchantAuthentication(
					new ApiKey(keyId, "m", "k", "p2p_abcdefgh", OffsetDateTime.now(), null)));
	}

	private MockHttpServletResponse call() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.limit.doFilter(new MockHttpServletRequest("GET", "/api/v1/runs/1"), response, new MockFilterChain());
		return response;
	}

}
