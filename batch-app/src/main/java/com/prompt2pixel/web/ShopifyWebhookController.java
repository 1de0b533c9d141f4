package com.prompt2pixel.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.prompt2pixel.ingest.ShopifyWebhookReceiver;
import com.prompt2pixel.ingest.ShopifyWebhookReceiver.Receipt;
import com.prompt2pixel.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Shopify's product webhooks. Shopify retries a delivery that is not answered
 * 2xx, so a delivery that can never succeed (another topic, a body that is no product) is
 * still acknowledged, with the reason; a refused one (a bad signature, an unknown shop)
 * is a problem detail with its outcome.
 */
@RestController
class ShopifyWebhookController {

	private final ShopifyWebhookReceiver receiver;

	ShopifyWebhookController(ShopifyWebhookReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping(path = "/webhooks/shopify/products")
	ResponseEntity<Object> products(@RequestBody byte[] body,
			@RequestHeader(name = "X-Shopify-Hmac-SHA256", required = false) String signature,
			@RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
			@RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
			@RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
			@RequestHeader(name = "X-Shopify-Triggered-At", required = false) String triggeredAt) {
		Receipt receipt = this.receiver.receive(body, signature, shop, topic, webhookId, triggeredAt);
		HttpStatus status = switch (receipt.outcome()) {
			case QUEUED -> HttpStatus.ACCEPTED;
			case REMOVED, REPEATED, STALE, IGNORED_TOPIC, BAD_PAYLOAD -> HttpStatus.OK;
			case NOT_CONFIGURED -> HttpStatus.SERVICE_UNAVAILABLE;
			case BAD_SIGNATURE -> HttpStatus.UNAUTHORIZED;
			case UNKNOWN_SHOP -> HttpStatus.NOT_FOUND;
		};
		if (status.isError()) {
			ProblemDetail problem = Problems.of(status, receipt.message());
			problem.setProperty("outcome", receipt.outcome().name());
			return ResponseEntity.status(status).body(problem);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("outcome", receipt.outcome().name());
		answer.put("import", receipt.importId());
		answer.put("message", receipt.message());
		return ResponseEntity.status(status).body(answer);
	}

}
