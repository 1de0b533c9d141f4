package com.prompt2pixel.webhook;

import java.time.Instant;
import java.util.List;

/** A merchant's webhook endpoint as it is listed: never its secret. */
public record WebhookEndpoint(long id, String merchant, String url, List<String> events, Instant createdAt) {
}
