package com.prompt2pixel.web;

import java.util.UUID;
import java.util.stream.Collectors;

import com.prompt2pixel.ingest.UploadQuotaExceededException;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunStateException;
import com.prompt2pixel.system.Problems;
import com.prompt2pixel.system.ServerPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * How every failed API call is answered: a problem detail (RFC 9457) whose detail names
 * the problem in the caller's terms. Spring MVC's own exceptions (a wrong content type, a
 * bad parameter, an unknown path) are worded by the base class; bad input (an
 * {@link IllegalArgumentException}) is a 400 with its message; an upload over
 * {@code p2p.upload.max-size} a 413 that says the limit; while the database is away a
 * quick 503 with {@code Retry-After} (the server recovers by itself when it is back);
 * anything else a 500 with a reference to the log line that has the details, never the
 * details themselves.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final DataSize uploadLimit;

	ApiErrors(@Value("${p2p.upload.max-size}") DataSize uploadLimit) {
		this.uploadLimit = uploadLimit;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(InvalidRunRequestException.class)
	ProblemDetail badRun(InvalidRunRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ServerPaths.hide(ex.getMessage()));
	}

	@ExceptionHandler(UploadQuotaExceededException.class)
	ProblemDetail quotaExceeded(UploadQuotaExceededException ex) {
		return Problems.of(HttpStatus.INSUFFICIENT_STORAGE, ex.getMessage());
	}

	@ExceptionHandler(RunStateException.class)
	ProblemDetail runState(RunStateException ex) {
		return Problems.of(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST,
				"the request is not a multipart/form-data upload with its boundary and a part 'file'");
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseAway(RuntimeException ex) {
		log.warn("Answered 503, the database is not reachable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
					"the database is not reachable; try again in a few seconds"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		String reference = UUID.randomUUID().toString();
		log.error("Answered 500 (reference {})", reference, ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
				"the server failed to answer this request; the operator can find it in the log by reference "
						+ reference);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
					"the upload is larger than the limit of " + RequestSizeLimit.inWords(this.uploadLimit)
							+ " (p2p.upload.max-size); split the catalog, or drop it into the inbox folder"));
	}

	/** A JSON body that cannot be read: which field, and what is wrong with it. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, unreadable(ex.getCause())));
	}

	static String unreadable(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'";
		}
		if (cause instanceof InvalidFormatException invalid) {
			return "field '" + field(invalid) + "': '" + invalid.getValue() + "' is not a valid "
					+ invalid.getTargetType().getSimpleName();
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return "field '" + field(mismatched) + "' has the wrong type (expected "
					+ mismatched.getTargetType().getSimpleName() + ")";
		}
		if (cause instanceof JacksonException) {
			return "the body is not valid JSON";
		}
		return "the request has no readable body";
	}

	private static String field(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

}
