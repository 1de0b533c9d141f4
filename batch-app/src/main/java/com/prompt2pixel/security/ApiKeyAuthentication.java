package com.prompt2pixel.security;

import java.io.IOException;
import java.util.Optional;

import com.prompt2pixel.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer p2p_…} on the merchant API. A request
 * without the header goes on anonymous (and is refused 401 by the policy); one with a key
 * that is unknown, revoked or malformed is answered 401 here, with the same words for
 * each.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthentication(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKey> key;
		try {
			key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
					? this.keys.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
		}
		catch (DataAccessException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
					"the database is not reachable; try again in a few seconds");
			return;
		}
		if (key.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"the API key is not valid: it is unknown, revoked or malformed (Authorization: Bearer p2p_…)");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new MerchantAuthentication(key.get()));
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

}
