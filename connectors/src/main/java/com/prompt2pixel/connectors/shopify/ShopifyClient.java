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

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
 * throttled at all. When it is ({@code THROTTLED}), the next attempt waits as long as the
 * reported bucket needs to refill. Server errors, broken connections and HTTP 429 are
 * retried by the retry policy it is given (jittered exponential backoff with a cap; for
 * 429 the {@code Retry-After} Shopify sends, up to {@link #MAX_WAIT}); after its attempts
 * the query fails with the last reason.
 */
public class ShopifyClient {

	private static final Logger logger = LoggerFactory.getLogger(ShopifyClient.class);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final HttpClient http;

	private final ShopifyShop shop;

	private final Duration timeout;

	private final Retry retry;

	private final Pause pause;

	/** The bucket as the last response left it; null before the first. */
	private Throttle throttle;

	private long throttleSeen;

	private double lastCost;

	/**
	 * @param retryPolicy attempts and backoff for transient failures (the application's
	 * one policy)
	 * @param pause waits for the throttle's bucket to refill (tests record instead)
	 */
	public ShopifyClient(HttpClient http, ShopifyShop shop, Duration timeout, RetryConfig retryPolicy, Pause pause) {
		this.http = http;
		this.shop = shop;
		this.timeout = timeout;
		this.pause = pause;
		IntervalBiFunction<Object> backoff = retryPolicy.getIntervalBiFunction();
		this.retry = Retry.of("shopify " + shop.shop(),
				RetryConfig.from(retryPolicy)
					.retryOnException(Transient.class::isInstance)
					.intervalBiFunction((attempt,
							outcome) -> (outcome.isLeft() && outcome.getLeft() instanceof Transient failure
									&& failure.retryAfter != null) ? failure.retryAfter.toMillis()
											: backoff.apply(attempt, outcome))
					.build());
		this.retry.getEventPublisher()
			.onRetry((event) -> logger.debug("shop {}: attempt {} failed ({}); waiting {} ms", shop.shop(),
					event.getNumberOfRetryAttempts(), event.getLastThrowable().getMessage(),
					event.getWaitInterval().toMillis()));
	}

	public ShopifyShop shop() {
		return this.shop;
	}

	/** The retries, for their events. */
	Retry retry() {
		return this.retry;
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
		try {
			return this.retry.executeSupplier(() -> attempt(request));
		}
		catch (Transient ex) {
			throw unavailable("shop " + this.shop.shop() + " is still unavailable after "
					+ this.retry.getRetryConfig().getMaxAttempts() + " attempts: " + ex.getMessage());
		}
	}

	private JsonNode attempt(byte[] request) {
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
			throw new Transient("cannot reach " + this.shop.graphqlUri() + ": " + ex, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while querying " + this.shop.shop(), ex);
		}
		int status = response.statusCode();
		if (status == 429) {
			throw new Transient("HTTP 429 Too Many Requests", retryAfter(response));
		}
		if (status >= 500) {
			throw new Transient("HTTP " + status + " from Shopify", null);
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
		JsonNode cost = answer.path("extensions").path("cost");
		recordCost(cost);
		List<JsonNode> errors = new ArrayList<>();
		answer.path("errors").forEach(errors::add);
		if (errors.isEmpty()) {
			return answer.path("data");
		}
		if (errors.stream()
			.anyMatch((error) -> "THROTTLED".equals(error.path("extensions").path("code").asString("")))) {
			// the next attempt waits for the bucket this answer reported; without a
			// report, the policy's backoff
			throw new Transient("throttled by Shopify", cost.has("throttleStatus") ? Duration.ZERO : null);
		}
		throw new ShopifyException("shop " + this.shop.shop() + " rejected the query: " + messages(errors));
	}

	/**
	 * Streams a bulk operation's result from its signed URL (no access token: the URL is
	 * the credential).
	 */
	public InputStream download(URI url) {
		try {
			return this.retry.executeSupplier(() -> attemptDownload(url));
		}
		catch (Transient ex) {
			throw unavailable("cannot download the bulk operation's result for shop " + this.shop.shop() + ": "
					+ ex.getMessage());
		}
	}

	private InputStream attemptDownload(URI url) {
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(url).timeout(this.timeout).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new Transient(ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while downloading " + url, ex);
		}
		int status = response.statusCode();
		if (status == 200) {
			return response.body();
		}
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// nothing was read from it; the status says what went wrong
		}
		if (status >= 500 || status == 429) {
			throw new Transient("HTTP " + status, (status == 429) ? retryAfter(response) : null);
		}
		throw new ShopifyException(
				"cannot download the bulk operation's result for shop " + this.shop.shop() + ": HTTP " + status);
	}

	/** Retries given up: interrupted while waiting, or out of attempts. */
	private ShopifyException unavailable(String message) {
		if (Thread.currentThread().isInterrupted()) {
			return new ShopifyException("interrupted while waiting for shop " + this.shop.shop());
		}
		return new ShopifyException(message);
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

	/**
	 * Shopify's {@code Retry-After} in seconds, up to {@link #MAX_WAIT}; null if none.
	 */
	private static Duration retryAfter(HttpResponse<?> response) {
		String header = response.headers().firstValue("Retry-After").orElse("");
		try {
			double seconds = Double.parseDouble(header.strip());
			if (seconds >= 0) {
				Duration wait = Duration.ofMillis((long) (seconds * 1000));
				return (wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait;
			}
		}
		catch (NumberFormatException ex) {
			// an HTTP date or nothing: the policy's backoff
		}
		return null;
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

	/**
	 * A failure worth another attempt, with the wait the server asked for (null: the
	 * policy's backoff).
	 */
	private static final class Transient extends RuntimeException {

		private final transient Duration retryAfter;

		Transient(String reason, Duration retryAfter) {
			super(reason, null, false, false);
			this.retryAfter = retryAfter;
		}

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
