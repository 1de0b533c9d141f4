package com.prompt2pixel.models.remote;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.prompt2pixel.models.Png;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * AUTOMATIC1111 and OpenAI-compatible image servers on WireMock, answering in their
 * documented shapes with a PNG of the requested size (64x64 or 96x64).
 */
final class FakeInferenceServer implements AutoCloseable {

	final WireMockServer server = new WireMockServer(options().dynamicPort());

	/** The waits between attempts (short ones: they are waited). */
	final List<Duration> sleeps = new ArrayList<>();

	FakeInferenceServer() {
		this.server.start();
	}

	RemoteEndpoint endpoint(Map<String, String> headers) {
		return new RemoteEndpoint(URI.create(this.server.baseUrl()), headers, Duration.ofSeconds(5),
				recorded(retry(3, Duration.ofMillis(5)), this.sleeps));
	}

	/** The application's policy in shape (exponential), without jitter. */
	static Retry retry(int attempts, Duration first) {
		return RemoteEndpoint.retry("test",
				RetryConfig.custom()
					.maxAttempts(attempts)
					.intervalFunction(IntervalFunction.ofExponentialBackoff(first, 2.0))
					.build());
	}

	static Retry recorded(Retry retry, List<Duration> waits) {
		retry.getEventPublisher().onRetry((event) -> waits.add(event.getWaitInterval()));
		return retry;
	}

	void answerAutomatic1111() {
		for (String path : new String[] { "/sdapi/v1/txt2img", "/sdapi/v1/img2img" }) {
			answerAutomatic1111(path);
		}
	}

	private void answerAutomatic1111(String path) {
		for (int width : new int[] { 64, 96 }) {
			this.server.stubFor(post(urlEqualTo(path))
				.withRequestBody(matchingJsonPath("$.width", equalTo(Integer.toString(width))))
				.willReturn(json("""
						{"images":["%s"],"parameters":{"width":%d},
						 "info":"{\\"seed\\": 1, \\"sampler_name\\": \\"Euler\\"}"}""".formatted(png(width, 64),
						width))));
		}
	}

	void answerOpenAi() {
		for (int width : new int[] { 64, 96 }) {
			this.server.stubFor(post(urlEqualTo("/v1/images/generations"))
				.withRequestBody(matchingJsonPath("$.size", equalTo(width + "x64")))
				.willReturn(json("""
						{"created":1764000000,"data":[{"b64_json":"%s","revised_prompt":"a red ring"}]}"""
					.formatted(png(width, 64)))));
		}
	}

	static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	static String png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color(x * 2, y * 3, 128).getRGB());
			}
		}
		return Base64.getEncoder().encodeToString(Png.encode(image));
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
