package com.prompt2pixel.connectors.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A shop's Admin GraphQL API on WireMock, answering in Shopify's documented shapes:
 * {@code data}, {@code errors} with {@code extensions.code}, and the cost and throttle
 * status in {@code extensions.cost}.
 */
final class ShopifyFake implements AutoCloseable {

	static final String TOKEN = "shpat_test_token";

	static final String VERSION = "2025-10";

	static final String ENDPOINT = "/admin/api/" + VERSION + "/graphql.json";

	final WireMockServer server = new WireMockServer(options().dynamicPort());

	/** What the code under test waited for, instead of waiting. */
	final List<Duration> pauses = new ArrayList<>();

	final Pause pause = this.pauses::add;

	/** The waits of the retry policy between attempts (short ones: they are waited). */
	final List<Duration> retryWaits = new ArrayList<>();

	/**
	 * The application's policy in shape (exponential, 6 attempts), in milliseconds and
	 * without jitter, so that its waits can be told.
	 */
	static final RetryConfig RETRY = RetryConfig.custom()
		.maxAttempts(6)
		.intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(1), 2.0))
		.build();

	ShopifyFake() {
		this.server.start();
	}

	ShopifyShop shop() {
		return new ShopifyShop(this.server.baseUrl(), TOKEN, VERSION);
	}

	ShopifyClient client() {
		ShopifyClient client = new ShopifyClient(java.net.http.HttpClient.newHttpClient(), shop(),
				Duration.ofSeconds(5), RETRY, this.pause);
		client.retry().getEventPublisher().onRetry((event) -> this.retryWaits.add(event.getWaitInterval()));
		return client;
	}

	/** A GraphQL request whose query contains {@code text}, with the shop's token. */
	static MappingBuilder graphql(String text) {
		return post(urlEqualTo(ENDPOINT)).withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
			.withRequestBody(containing(text));
	}

	/** 200 with data and a cost report. */
	static ResponseDefinitionBuilder data(String data, int cost, int available) {
		return json("{\"data\":" + data + ",\"extensions\":" + cost(cost, available) + "}");
	}

	/** 200 with Shopify's THROTTLED error, as it answers when the bucket is short. */
	static ResponseDefinitionBuilder throttled(int cost, int available) {
		return json("""
				{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",
				  "documentation":"https://shopify.dev/api/usage/rate-limits"}}],
				 "extensions":%s}"""
			.formatted(cost(cost, available).replace("\"actualQueryCost\":" + cost, "\"actualQueryCost\":null")));
	}

	static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	static String cost(int cost, int available) {
		return """
				{"cost":{"requestedQueryCost":%d,"actualQueryCost":%d,
				  "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":%d,"restoreRate":100.0}}}"""
			.formatted(cost, cost, available);
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
