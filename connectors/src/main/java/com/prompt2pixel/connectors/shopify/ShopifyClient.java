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
 * 429 the {@code Retry-After} Shopify sends, up to {@link #MAX_WAIT}); so is
 * {@code INTERNAL_SERVER_ERROR}, which Shopify mostly sends with HTTP 200 in
 * {@code errors[].extensions.code}. After its attempts the query fails with the last
 * reason. A mutation that is not safe to repeat goes through {@link #mutateOnce}, which
 * retries only what Shopify certainly did not carry out.
 */
public class ShopifyClient {

	private static final Logger logger = LoggerFactory.getLogger(ShopifyClient.class);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final HttpClient http;

	private final ShopifyShop shop;

	private final Duration timeout;

	private final Retry retry;

	/** The same policy for mutations, without the attempts that may have been applied. */
	private final Retry mutationRetry;

	private final Pause pause;

	/**
	 * The version Shopify said it served ({@code X-Shopify-API-Version}) when it was not
	 * the one asked for; null until then.
	 */
	private volatile String servedVersion;

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
		this.mutationRetry = Retry
			.of("shopify " + shop.shop() + " mutations", RetryConfig.from(this.retry.getRetryConfig())
				.retryOnException(
						(failure) -> failure instanceof Transient transientFailure && !transientFailure.maybeApplied)
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
	 * The API version Shopify last said it served, when it differs from the one asked for
	 * (a retired version is answered with a newer one); null while it agreed.
	 */
	public String servedVersion() {
		return this.servedVersion;
	}

	/**
	 * Runs a query, or a mutation that is safe to repeat, and returns its {@code data}.
	 * @throws ShopifyException when Shopify refuses it or stays unavailable
	 */
	public JsonNode query(String document, Map<String, Object> variables) {
		byte[] request = request(document, variables);
		try {
			return this.retry.executeSupplier(() -> attempt(request));
		}
		catch (Transient ex) {
			throw unavailable("shop " + this.shop.shop() + " is still unavailable after "
					+ this.retry.getRetryConfig().getMaxAttempts() + " attempts: " + ex.getMessage());
		}
	}

	/**
	 * Runs a mutation that must not be carried out twice. Throttling and HTTP 429 are
	 * retried (Shopify did nothing); a broken connection or a server error is not.
	 * @throws ShopifyOutcomeUnknownException when Shopify may have carried it out: the
	 * caller looks for its effect before trying again
	 * @throws ShopifyException when Shopify refuses it or stays throttled
	 */
	public JsonNode mutateOnce(String document, Map<String, Object> variables) {
		byte[] request = request(document, variables);
		try {
			return this.mutationRetry.executeSupplier(() -> attempt(request));
		}
		catch (Transient ex) {
			if (ex.maybeApplied) {
				throw new ShopifyOutcomeUnknownException("shop " + this.shop.shop()
						+ " may or may not have carried out the mutation: " + ex.getMessage());
			}
			throw unavailable("shop " + this.shop.shop() + " is still throttled after "
					+ this.mutationRetry.getRetryConfig().getMaxAttempts() + " attempts: " + ex.getMessage());
		}
	}

	private static byte[] request(String document, Map<String, Object> variables) {
		ObjectNode body = JSON.createObjectNode();
		body.put("query", document);
		body.set("variables", JSON.valueToTree(variables));
		return JSON.writeValueAsBytes(body);
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
			// a refused or timed-out connection sent nothing; any other break may have
			// come after Shopify received the request
			boolean sent = !(ex instanceof java.net.ConnectException
					|| ex instanceof java.net.http.HttpConnectTimeoutException);
			throw new Transient("cannot reach " + this.shop.graphqlUri() + ": " + ex, null, sent);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while querying " + this.shop.shop(), ex);
		}
		int status = response.statusCode();
		noteServedVersion(response);
		if (status == 429) {
			throw new Transient("HTTP 429 Too Many Requests", retryAfter(response), false);
		}
		if (status >= 500) {
			throw new Transient("HTTP " + status + " from Shopify", null, true);
		}
		if (status == 401 || status == 403) {
			throw new ShopifyException("shop " + this.shop.shop() + " refused the Admin API access token (HTTP "
					+ status + "); check the token and its read_products scope");
		}
		if (status == 404) {
			String served = (this.servedVersion != null) ? " (Shopify served " + this.servedVersion
					+ " to an earlier request: set p2p.shopify.api-version to a supported version)" : "";
			throw new ShopifyException("shop " + this.shop.shop() + " has no Admin API at " + this.shop.graphqlUri()
					+ " (HTTP 404); check the shop domain and the API version" + served);
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
		if (errors.stream().anyMatch(ShopifyClient::isThrottled)) {
			// the next attempt waits for the bucket this answer reported; without a
			// report, the policy's backoff
			throw new Transient("throttled by Shopify", cost.has("throttleStatus") ? Duration.ZERO : null, false);
		}
		if (errors.stream().anyMatch((error) -> "INTERNAL_SERVER_ERROR".equals(code(error)))) {
			// documented as intermittent; HTTP 200 although nothing (or part) was done
			throw new Transient("INTERNAL_SERVER_ERROR from Shopify: " + messages(errors), null, true);
		}
		throw new ShopifyException("shop " + this.shop.shop() + " rejected the query: " + messages(errors),
				code(errors.get(0)));
	}

	/**
	 * Shopify's throttle error: by its code, or by its message where an answer carries
	 * none (older versions and some proxies send only {@code "Throttled"}).
	 */
	private static boolean isThrottled(JsonNode error) {
		return "THROTTLED".equals(code(error)) || error.path("message")
			.asString("")
			.strip()
			.toLowerCase(java.util.Locale.ROOT)
			.startsWith("throttled");
	}

	private static String code(JsonNode error) {
		String code = error.path("extensions").path("code").asString("");
		return code.isEmpty() ? null : code;
	}

	/**
	 * Shopify answers a retired version with the oldest supported one and says so in a
	 * header; the connector still asks for the configured one, so the operator is told.
	 */
	private void noteServedVersion(HttpResponse<?> response) {
		String served = response.headers().firstValue("X-Shopify-API-Version").orElse("").strip();
		if (!served.isEmpty() && !served.equals(this.shop.apiVersion()) && !served.equals(this.servedVersion)) {
			this.servedVersion = served;
			logger.warn(
					"shop {}: asked for Admin API version {} but Shopify served {}; the configured version "
							+ "(p2p.shopify.api-version) is retired or not yet released",
					this.shop.shop(), this.shop.apiVersion(), served);
		}
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
			throw new Transient(ex.toString(), null, false);
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
			throw new Transient("HTTP " + status, (status == 429) ? retryAfter(response) : null, false);
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
	 * policy's backoff), and whether the request may have been carried out before it
	 * failed.
	 */
	private static final class Transient extends RuntimeException {

		private final transient Duration retryAfter;

		private final boolean maybeApplied;

		Transient(String reason, Duration retryAfter, boolean maybeApplied) {
			super(reason, null, false, false);
			this.retryAfter = retryAfter;
			this.maybeApplied = maybeApplied;
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
