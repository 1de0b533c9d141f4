package com.prompt2pixel.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Every error the web server answers is an RFC 9457 problem detail
 * ({@code application/problem+json}) whose detail names the problem in the caller's
 * terms: never a server path, a stack trace or SQL. Controllers return
 * {@link ProblemDetail}s; filters, which answer before Spring MVC, write them with
 * {@link #write}.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	/** Answers the request with the problem, status and body. */
	public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatus(status.value());
		// JSON is UTF-8 by definition (RFC 8259): no charset parameter
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
