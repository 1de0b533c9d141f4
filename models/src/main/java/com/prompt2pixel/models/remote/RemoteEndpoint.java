package com.prompt2pixel.models.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs JSON to an inference server and returns its JSON answer. Server errors (5xx), 429
 * and broken connections are retried by the retry policy it is given (jittered
 * exponential backoff with a cap; for 429 the server's {@code Retry-After} when given);
 * other 4xx fail at once with the server's words.
 *
 * @param base the server's base URL, e.g. {@code http://gpu-box:7860}
 * @param headers extra headers, e.g. {@code Authorization}
 * @param timeout per request: image generation is slow, give it minutes
 * @param retry its attempts and waits, made by {@link #retry(String, RetryConfig)}
 */
public record RemoteEndpoint(URI base, Map<String, String> headers, Duration timeout, Retry retry) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The longest {@code Retry-After} honoured. */
	private static final Duration MAX_WAIT = Duration.ofMinutes(2);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	/**
	 * The retries of a backend: the application's policy, for the failures worth another
	 * attempt, waiting what a 429's {@code Retry-After} asks instead of the backoff.
	 */
	public static Retry retry(String backend, RetryConfig policy) {
		IntervalBiFunction<Object> backoff = policy.getIntervalBiFunction();
		return Retry.of(backend,
				RetryConfig.from(policy)
					.retryOnException(Transient.class::isInstance)
					.intervalBiFunction((attempt,
							outcome) -> (outcome.isLeft() && outcome.getLeft() instanceof Transient failure
									&& failure.retryAfter != null) ? failure.retryAfter.toMillis()
											: backoff.apply(attempt, outcome))
					.build());
	}

	/**
	 * @throws RemoteBackendException after the retries, with the last reason
	 */
	JsonNode post(String path, Object body) {
		URI uri = this.base.resolve(path);
		byte[] json = JSON.writeValueAsBytes(body);
		try {
			return this.retry.executeSupplier(() -> attempt(uri, json));
		}
		catch (Transient ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new RemoteBackendException("interrupted while waiting for " + uri, ex);
			}
			throw new RemoteBackendException(uri + " gave no image after "
					+ this.retry.getRetryConfig().getMaxAttempts() + " attempts: " + ex.getMessage());
		}
	}

	private JsonNode attempt(URI uri, byte[] json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json));
		this.headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Transient(
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RemoteBackendException("interrupted while waiting for " + uri, ex);
		}
		int status = response.statusCode();
		if (status == 200) {
			return parse(uri, response.body());
		}
		String reason = "HTTP " + status + ": " + excerpt(response.body());
		if (status == 429) {
			throw new Transient(reason,
					response.headers()
						.firstValue("Retry-After")
						.flatMap(RemoteEndpoint::seconds)
						.map((wait) -> (wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait)
						.orElse(null));
		}
		if (status >= 500) {
			throw new Transient(reason, null);
		}
		throw new RemoteBackendException(uri + " refused the request (" + reason + ")");
	}

	private static Optional<Duration> seconds(String header) {
		try {
			return Optional.of(Duration.ofMillis((long) (Double.parseDouble(header.strip()) * 1000)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static JsonNode parse(URI uri, String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new RemoteBackendException(uri + " answered with something that is not JSON: " + excerpt(body), ex);
		}
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

	private static String excerpt(String body) {
		String text = (body == null) ? "" : body.strip();
		return text.isEmpty() ? "(no body)" : text.substring(0, Math.min(text.length(), 300));
	}

	/** Without the headers' values (an {@code Authorization} header carries the key). */
	@Override
	public String toString() {
		return "RemoteEndpoint[base=" + this.base + ", headers=" + this.headers.keySet() + ", timeout=" + this.timeout
				+ ", attempts=" + this.retry.getRetryConfig().getMaxAttempts() + "]";
	}
}
