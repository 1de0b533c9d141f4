package com.prompt2pixel.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the database is away, every call that needs it is a quick 503 with
 * {@code Retry-After} (the pool gives up on a connection within seconds), not a 500 with
 * the driver's words; the server recovers by itself when the database is back.
 */
@RestControllerAdvice
class DatabaseUnavailable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<Map<String, Object>> unavailable(RuntimeException ex) {
		log.warn("Answered 503, the database is not reachable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Map.of("error", "the database is not reachable; try again in a few seconds"));
	}

}
