package com.prompt2pixel.web;

import java.io.IOException;

import com.prompt2pixel.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards a failed request; asked for directly it
 * is no page, and answers 404 (Spring Boot's error controller would answer a status 999).
 * A forward is an error dispatch, which this filter does not see.
 */
@Component
class DirectErrorPath extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/error".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Problems.write(response, HttpStatus.NOT_FOUND, "no such page");
	}

}
