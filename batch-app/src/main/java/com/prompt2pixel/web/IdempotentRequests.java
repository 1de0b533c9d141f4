package com.prompt2pixel.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.system.Sha256;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code Idempotency-Key} on the API's POSTs that create something
 * ({@code idempotent_request}, owned here): the first request with a key is answered and
 * its answer kept for 24 hours; the same key with the same request (method, path and the
 * SHA-256 of what it sent) gets that answer again, with
 * {@code Idempotent-Replayed: true}, and creates nothing; the same key with another
 * request is a 422; a repeat while the first is still being answered a 409. A request
 * that fails leaves no trace, so it can be tried again with its key. Keys are the
 * merchant's own: two merchants' keys never meet.
 */
@Component
class IdempotentRequests {

	static final String HEADER = "Idempotency-Key";

	private static final String ALIVE = "interval '24 hours'";

	/** A first request still unanswered after this long died with its process. */
	private static final String ABANDONED = "interval '10 minutes'";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	IdempotentRequests(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Answers the request once per key.
	 * @param key the request's {@code Idempotency-Key}; null: no key, just answer
	 * @param endpoint what it asked, as {@code POST /api/v1/…}
	 * @param requestSha256 the SHA-256 of what it sent
	 * @param onReplay what to undo of the work done before the key could be checked (an
	 * upload kept on disk) when the answer is replayed or refused
	 */
	ResponseEntity<?> once(Tenant tenant, String key, String endpoint, String requestSha256,
			Supplier<ResponseEntity<?>> answer, Runnable onReplay) {
		if (key == null) {
			return answer.get();
		}
		if (key.isBlank() || key.length() > 255) {
			onReplay.run();
			throw new IllegalArgumentException("the Idempotency-Key header must have 1-255 characters");
		}
		String merchant = tenant.merchant();
		this.jdbc.update("DELETE FROM idempotent_request WHERE merchant_id = ? AND (created_at < now() - " + ALIVE
				+ " OR (status IS NULL AND created_at < now() - " + ABANDONED + "))", merchant);
		boolean first = this.jdbc.update("""
				INSERT INTO idempotent_request (merchant_id, key, endpoint, request_sha256) VALUES (?, ?, ?, ?)
				ON CONFLICT (merchant_id, key) DO NOTHING""", merchant, key, endpoint, requestSha256) == 1;
		if (!first) {
			onReplay.run();
			return replay(merchant, key, endpoint, requestSha256);
		}
		ResponseEntity<?> response;
		try {
			response = answer.get();
		}
		catch (RuntimeException ex) {
			forget(merchant, key);
			throw ex;
		}
		String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
		this.jdbc.update(
				"UPDATE idempotent_request SET status = ?, location = ?, body = ? WHERE merchant_id = ? AND key = ?",
				response.getStatusCode().value(), location,
				(response.getBody() != null) ? this.json.writeValueAsString(response.getBody()) : null, merchant, key);
		return response;
	}

	/** The SHA-256 of a JSON request as the controller read it: formatting aside. */
	String sha256Of(Object request) {
		return Sha256.of(this.json.writeValueAsBytes(request));
	}

	private ResponseEntity<?> replay(String merchant, String key, String endpoint, String requestSha256) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT endpoint, request_sha256, status, location, body FROM idempotent_request WHERE merchant_id = ? AND key = ?",
				merchant, key);
		if (rows.isEmpty()) {
			// its first request failed a moment ago: this one may try again
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"a request with this Idempotency-Key was just being answered; send it again");
		}
		Map<String, Object> first = rows.get(0);
		if (!endpoint.equals(first.get("endpoint")) || !requestSha256.equals(first.get("request_sha256"))) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "this Idempotency-Key was used for "
					+ "another request; a key stands for one request (use a new key for a new request)");
		}
		if (first.get("status") == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"the first request with this Idempotency-Key is still being answered; try again in a moment");
		}
		ResponseEntity.BodyBuilder replayed = ResponseEntity.status((Integer) first.get("status"))
			.header("Idempotent-Replayed", "true")
			.contentType(MediaType.APPLICATION_JSON);
		if (first.get("location") != null) {
			replayed.header(HttpHeaders.LOCATION, (String) first.get("location"));
		}
		return replayed.body(first.get("body"));
	}

	private void forget(String merchant, String key) {
		this.jdbc.update("DELETE FROM idempotent_request WHERE merchant_id = ? AND key = ?", merchant, key);
	}

}
