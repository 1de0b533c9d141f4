package com.prompt2pixel.web;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over {@code p2p.upload.max-size} is refused before any controller sees it:
 * 413, with the limit in words; a request that is no valid multipart body is a 400 that
 * says so (not a 500 with the parser's exception).
 */
@RestControllerAdvice
class UploadLimit {

	private final DataSize limit;

	UploadLimit(@Value("${p2p.upload.max-size}") DataSize limit) {
		this.limit = limit;
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> notMultipart(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error",
					"the request is not a multipart/form-data upload with its boundary and a part " + "'file'"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Map.of("error", "the upload is larger than the limit of " + RequestSizeLimit.inWords(this.limit)
					+ " (p2p.upload.max-size); split the catalog, or drop it into the inbox folder"));
	}

}
