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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs JSON to an inference server and returns its JSON answer. Server errors (5xx), 429
 * (waiting {@code Retry-After} when given) and broken connections are retried with
 * exponential backoff; other 4xx fail at once with the server's words.
 *
 * @param base the server's base URL, e.g. {@code http://gpu-box:7860}
 * @param headers extra headers, e.g. {@code Authorization}
 * @param timeout per request: image generation is slow, give it minutes
 * @param attempts attempts in all, at least 1
 * @param firstBackoff the wait after the first failure, doubled after each
 * @param sleeper waits between attempts (tests pass one that records)
 */
public record RemoteEndpoint(URI base, Map<String, String> headers, Duration timeout, int attempts,
		Duration firstBackoff, Sleeper sleeper) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	/** Waits between attempts. */
	@FunctionalInterface
	public interface Sleeper {

		Sleeper REAL = (duration) -> Thread.sleep(duration.toMillis());

		void sleep(Duration duration) throws InterruptedException;

	}

	public RemoteEndpoint {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
		}
	}

	/**
	 * @throws RemoteBackendException after the retries, with the last reason
	 */
	JsonNode post(String path, Object body) {
		URI uri = this.base.resolve(path);
		byte[] json = JSON.writeValueAsBytes(body);
		String reason = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			Duration wait = backoff(attempt);
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri)
					.timeout(this.timeout)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(json));
				this.headers.forEach(request::header);
				HttpResponse<String> response = HTTP.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				int status = response.statusCode();
				if (status == 200) {
					return parse(uri, response.body());
				}
				reason = "HTTP " + status + ": " + excerpt(response.body());
				if (status != 429 && status < 500) {
					throw new RemoteBackendException(uri + " refused the request (" + reason + ")");
				}
				if (status == 429) {
					wait = response.headers().firstValue("Retry-After").flatMap(RemoteEndpoint::seconds).orElse(wait);
				}
			}
			catch (IOException ex) {
				reason = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RemoteBackendException("interrupted while waiting for " + uri, ex);
			}
			if (attempt < this.attempts) {
				pause(wait, uri);
			}
		}
		throw new RemoteBackendException(uri + " gave no image after " + this.attempts + " attempts: " + reason);
	}

	private Duration backoff(int attempt) {
		return this.firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
	}

	private void pause(Duration wait, URI uri) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RemoteBackendException("interrupted while waiting for " + uri, ex);
		}
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

	private static String excerpt(String body) {
		String text = (body == null) ? "" : body.strip();
		return text.isEmpty() ? "(no body)" : text.substring(0, Math.min(text.length(), 300));
	}

}
