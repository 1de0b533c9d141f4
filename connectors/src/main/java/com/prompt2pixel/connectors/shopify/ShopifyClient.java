package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queries one shop's Admin GraphQL API within its cost-based throttle. Every response
 * reports the bucket ({@code extensions.cost.throttleStatus}); before the next query the
 * client waits until the bucket holds what the last query cost, so it rarely gets
 * throttled at all. When it is, it waits as long as the bucket needs to refill: on a
 * {@code THROTTLED} error, from the throttle status; on HTTP 429, for
 * {@code Retry-After}. Server errors and broken connections are retried with exponential
 * backoff; after {@link #MAX_ATTEMPTS} attempts the query fails with the last reason.
 */
public class ShopifyClient {

	static final int MAX_ATTEMPTS = 6;

	private static final Logger logger = LoggerFactory.getLogger(ShopifyClient.class);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final HttpClient http;

	private final ShopifyShop shop;

	private final Duration timeout;

	private final Pause pause;

	/** The bucket as the last response left it; null before the first. */
	private Throttle throttle;

	private long throttleSeen;

	private double lastCost;

	public ShopifyClient(HttpClient http, ShopifyShop shop, Duration timeout, Pause pause) {
		this.http = http;
		this.shop = shop;
		this.timeout = timeout;
		this.pause = pause;
	}

	public ShopifyShop shop() {
		return this.shop;
	}

	/**
	 * Runs a query or mutation and returns its {@code data}.
	 * @throws ShopifyException when Shopify refuses it or stays unavailable
	 */
	public JsonNode query(String document, Map<String, Object> variables) {
		ObjectNode body = JSON.createObjectNode();
		body.put("query", document);
		body.set("variables", JSON.valueToTree(variables));
		byte[] request = JSON.writeValueAsBytes(body);
		String lastReason = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			waitForBucket();
			HttpResponse<byte[]> response;
			try {
				response = this.http.send(HttpRequest.newBuilder(this.shop.graphqlUri())
					.timeout(this.timeout)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header("X-Shopify-Access-Token", this.shop.accessToken())
					.POST(HttpRequest.BodyPublishers.ofByteArray(request))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				lastReason = "cannot reach " + this.shop.graphqlUri() + ": " + ex;
				backOff(attempt, lastReason);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ShopifyException("interrupted while querying " + this.shop.shop(), ex);
			}
			int status = response.statusCode();
			if (status == 429) {
				lastReason = "HTTP 429 Too Many Requests";
				wait(retryAfter(response, attempt), lastReason);
				continue;
			}
			if (status >= 500) {
				lastReason = "HTTP " + status + " from Shopify";
				backOff(attempt, lastReason);
				continue;
			}
			if (status == 401 || status == 403) {
				throw new ShopifyException("shop " + this.shop.shop() + " refused the Admin API access token (HTTP "
						+ status + "); check the token and its read_products scope");
			}
			if (status == 404) {
				throw new ShopifyException("shop " + this.shop.shop() + " has no Admin API at " + this.shop.graphqlUri()
						+ " (HTTP 404); check the shop domain and the API version");
			}
			if (status != 200) {
				throw new ShopifyException(
						"shop " + this.shop.shop() + " answered HTTP " + status + ": " + excerpt(response.body()));
			}
			JsonNode answer = parse(response.body());
			recordCost(answer.path("extensions").path("cost"));
			List<JsonNode> errors = new ArrayList<>();
			answer.path("errors").forEach(errors::add);
			if (errors.isEmpty()) {
				return answer.path("data");
			}
			if (errors.stream()
				.anyMatch((error) -> "THROTTLED".equals(error.path("extensions").path("code").asString("")))) {
				lastReason = "throttled by Shopify";
				wait(refillTime(answer.path("extensions").path("cost")), lastReason);
				continue;
			}
			throw new ShopifyException("shop " + this.shop.shop() + " rejected the query: " + messages(errors));
		}
		throw new ShopifyException("shop " + this.shop.shop() + " is still unavailable after " + MAX_ATTEMPTS
				+ " attempts: " + lastReason);
	}

	/**
	 * Streams a bulk operation's result from its signed URL (no access token: the URL is
	 * the credential).
	 */
	public InputStream download(URI url) {
		String lastReason = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			try {
				HttpResponse<InputStream> response = this.http.send(
						HttpRequest.newBuilder(url).timeout(this.timeout).GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() == 200) {
					return response.body();
				}
				response.body().close();
				lastReason = "HTTP " + response.statusCode();
				if (response.statusCode() < 500 && response.statusCode() != 429) {
					break;
				}
			}
			catch (IOException ex) {
				lastReason = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ShopifyException("interrupted while downloading " + url, ex);
			}
			backOff(attempt, lastReason);
		}
		throw new ShopifyException(
				"cannot download the bulk operation's result for shop " + this.shop.shop() + ": " + lastReason);
	}

	/** Waits until the bucket holds what the last query cost. */
	private void waitForBucket() {
		if (this.throttle == null) {
			return;
		}
		Duration needed = this.throttle.refilledSince(this.throttleSeen).timeToHold(this.lastCost);
		if (!needed.isZero()) {
			wait(needed, "keeping within the throttle");
		}
	}

	private void recordCost(JsonNode cost) {
		if (cost.isMissingNode()) {
			return;
		}
		this.lastCost = cost.path("requestedQueryCost").asDouble(0);
		JsonNode status = cost.path("throttleStatus");
		if (!status.isMissingNode()) {
			this.throttle = new Throttle(status.path("maximumAvailable").asDouble(1000),
					status.path("currentlyAvailable").asDouble(0), status.path("restoreRate").asDouble(50));
			this.throttleSeen = System.nanoTime();
		}
	}

	private Duration refillTime(JsonNode cost) {
		Throttle state = (this.throttle != null) ? this.throttle : new Throttle(1000, 0, 50);
		Duration needed = state.timeToHold(cost.path("requestedQueryCost").asDouble(this.lastCost));
		return needed.compareTo(FIRST_BACKOFF) < 0 ? FIRST_BACKOFF : needed;
	}

	private static Duration retryAfter(HttpResponse<?> response, int attempt) {
		String header = response.headers().firstValue("Retry-After").orElse("");
		try {
			double seconds = Double.parseDouble(header.strip());
			if (seconds >= 0) {
				return Duration.ofMillis((long) (seconds * 1000));
			}
		}
		catch (NumberFormatException ex) {
			// an HTTP date or nothing: back off as for a server error
		}
		return backoff(attempt);
	}

	private void backOff(int attempt, String reason) {
		if (attempt < MAX_ATTEMPTS) {
			wait(backoff(attempt), reason);
		}
	}

	private static Duration backoff(int attempt) {
		Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 6));
		return delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay;
	}

	private void wait(Duration duration, String reason) {
		Duration capped = duration.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : duration;
		logger.debug("shop {}: waiting {} ms ({})", this.shop.shop(), capped.toMillis(), reason);
		Throttle before = (this.throttle != null) ? this.throttle.refilledSince(this.throttleSeen) : null;
		try {
			this.pause.pause(capped);
			if (before != null) {
				// the bucket refilled while we waited: what was paused counts, not more
				this.throttle = before.refilledBy(capped);
				this.throttleSeen = System.nanoTime();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while waiting for shop " + this.shop.shop(), ex);
		}
	}

	private JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ShopifyException(
					"shop " + this.shop.shop() + " answered with something that is not JSON: " + excerpt(body), ex);
		}
	}

	private static String messages(List<JsonNode> errors) {
		List<String> messages = new ArrayList<>();
		for (JsonNode error : errors) {
			messages.add(error.path("message").asString(error.toString()));
		}
		return String.join("; ", messages);
	}

	private static String excerpt(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
		return text.isBlank() ? "(no body)" : text.strip();
	}

	/** Shopify's leaky bucket: points available now, refilled at a rate per second. */
	record Throttle(double maximumAvailable, double currentlyAvailable, double restoreRate) {

		/** The bucket now, refilled since it was reported at {@code nanoTime}. */
		Throttle refilledSince(long nanoTime) {
			return refilledBy(Duration.ofNanos(System.nanoTime() - nanoTime));
		}

		Throttle refilledBy(Duration duration) {
			double seconds = duration.toNanos() / 1e9;
			double available = Math.min(this.maximumAvailable, this.currentlyAvailable + seconds * this.restoreRate);
			return new Throttle(this.maximumAvailable, available, this.restoreRate);
		}

		Duration timeToHold(double cost) {
			double needed = Math.min(cost, this.maximumAvailable) - this.currentlyAvailable;
			if (needed <= 0 || this.restoreRate <= 0) {
				return Duration.ZERO;
			}
			return Duration.ofMillis((long) Math.ceil(needed / this.restoreRate * 1000));
		}

	}

}
