package com.prompt2pixel.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.webhook.WebhookDeliveries;
import com.prompt2pixel.webhook.WebhookEndpoint;
import com.prompt2pixel.webhook.WebhookEndpoints;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API key's merchant's webhook endpoints: registered (the signing secret is in that
 * answer and never again), listed, removed; their deliveries with every attempt; and the
 * replay of a delivery, as the same event.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final WebhookEndpoints endpoints;

	private final WebhookDeliveries deliveries;

	private final IdempotentRequests idempotency;

	WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, IdempotentRequests idempotency) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.idempotency = idempotency;
	}

	/**
	 * @param url an https URL on a public host
	 * @param events {@code run.completed}, {@code run.failed}; empty: all
	 */
	record NewWebhook(String url, List<String> events) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> register(Tenant tenant, @RequestBody NewWebhook request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/webhooks",
				this.idempotency.sha256Of(request), () -> {
					WebhookEndpoints.NewEndpoint created = this.endpoints.register(tenant.merchant(), request.url(),
							request.events());
					Map<String, Object> json = json(created.endpoint());
					json.put("secret", created.secret());
					return ResponseEntity.status(HttpStatus.CREATED)
						.header(HttpHeaders.LOCATION, "/api/v1/webhooks/" + created.endpoint().id())
						.body(json);
				}, () -> {
				});
	}

	@GetMapping
	List<Map<String, Object>> list(Tenant tenant) {
		return this.endpoints.list(tenant.merchant()).stream().map(WebhookController::json).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(Tenant tenant, @PathVariable long id) {
		owned(tenant, id);
		this.endpoints.remove(id);
		return ResponseEntity.noContent().build();
	}

	/** The endpoint's latest 50 deliveries, each with its attempts. */
	@GetMapping("/{id}/deliveries")
	List<Map<String, Object>> deliveries(Tenant tenant, @PathVariable long id) {
		owned(tenant, id);
		return this.deliveries.list(id, 50);
	}

	/** Sends the delivery again, as the same event (same id and body). */
	@PostMapping("/{id}/deliveries/{delivery}/replay")
	ResponseEntity<Map<String, Object>> replay(Tenant tenant, @PathVariable long id, @PathVariable long delivery) {
		owned(tenant, id);
		if (!this.deliveries.replay(id, delivery)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery with id " + delivery);
		}
		return ResponseEntity.accepted().body(Map.of("delivery", delivery, "status", "QUEUED"));
	}

	private WebhookEndpoint owned(Tenant tenant, long id) {
		return this.endpoints.find(id)
			.filter((endpoint) -> tenant.owns(Optional.of(endpoint.merchant())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook with id " + id));
	}

	private static Map<String, Object> json(WebhookEndpoint endpoint) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", endpoint.id());
		json.put("url", endpoint.url());
		json.put("events", endpoint.events());
		json.put("created_at", endpoint.createdAt().toString());
		return json;
	}

}
