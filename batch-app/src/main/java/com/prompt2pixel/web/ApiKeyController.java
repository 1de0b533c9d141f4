package com.prompt2pixel.web;

import java.util.List;
import java.util.Map;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.security.ApiKey;
import com.prompt2pixel.security.ApiKeys;
import com.prompt2pixel.security.NewApiKey;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API's merchant API keys: created (the key is in that answer and never again),
 * listed and revoked, as {@code api-key create|list|revoke} do on the command line.
 */
@RestController
@RequestMapping("/api/v1/admin")
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	/** What a new key is for; the whole body may be left out. */
	record NewKeyRequest(String name) {
	}

	@PostMapping(path = "/merchants/{merchant}/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@PathVariable String merchant,
			@RequestBody(required = false) NewKeyRequest request) {
		NewApiKey created = this.keys.create(merchant, (request != null) ? request.name() : null);
		Map<String, Object> json = created.key().toJson();
		json.put("key", created.secret());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/admin/api-keys/" + created.key().id())
			.body(json);
	}

	@GetMapping("/merchants/{merchant}/api-keys")
	List<Map<String, Object>> list(@PathVariable String merchant) {
		Merchants.checkId(merchant);
		return this.keys.list(merchant).stream().map(ApiKey::toJson).toList();
	}

	@GetMapping("/api-keys/{id}")
	Map<String, Object> key(@PathVariable long id) {
		return this.keys.find(id).orElseThrow(() -> notFound(id)).toJson();
	}

	/** Revokes the key: its next request is refused. */
	@DeleteMapping("/api-keys/{id}")
	Map<String, Object> revoke(@PathVariable long id) {
		if (this.keys.find(id).isEmpty()) {
			throw notFound(id);
		}
		return this.keys.revoke(id).toJson();
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no API key with id " + id);
	}

}
