package com.prompt2pixel.connectors.shopify;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShopifyClientTest {

	private final ShopifyFake shopify = new ShopifyFake();

	@AfterEach
	void stop() {
		this.shopify.close();
	}

	@Test
	void shouldSendTheTokenAndReturnTheData() {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":42}}", 1, 1999)));

		JsonNode data = this.shopify.client().query("query { productsCount { count } }", Map.of());

		assertThat(data.path("productsCount").path("count").asInt()).isEqualTo(42);
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withHeader("X-Shopify-Access-Token", equalTo(ShopifyFake.TOKEN))
			.withHeader("Content-Type", equalTo("application/json")));
		assertThat(this.shopify.pauses).isEmpty();
	}

	@Test
	void shouldWaitForTheBucketToRefillWhenThrottledAndTryAgain() {
		this.shopify.server.stubFor(ShopifyFake.graphql("products")
			.inScenario("throttle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake.throttled(500, 100))
			.willSetStateTo("refilled"));
		this.shopify.server.stubFor(ShopifyFake.graphql("products")
			.inScenario("throttle")
			.whenScenarioStateIs("refilled")
			.willReturn(ShopifyFake.data("{\"products\":{\"nodes\":[]}}", 500, 1500)));

		JsonNode data = this.shopify.client().query("query { products(first: 250) { nodes { id } } }", Map.of());

		assertThat(data.path("products").path("nodes").isArray()).isTrue();
		assertThat(this.shopify.pauses).as("400 points short at 100 points a second, less what refilled since")
			.singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(3500), Duration.ofSeconds(4)));
		assertThat(this.shopify.retryWaits).as("the bucket's wait, not a backoff beside it")
			.containsExactly(Duration.ZERO);
	}

	@Test
	void shouldKeepWithinTheBucketBeforeItIsThrottled() {
		this.shopify.server.stubFor(ShopifyFake.graphql("products")
			.willReturn(ShopifyFake.data("{\"products\":{\"nodes\":[]}}", 300, 100)));
		ShopifyClient client = this.shopify.client();

		client.query("query { products(first: 50) { nodes { id } } }", Map.of());
		client.query("query { products(first: 50) { nodes { id } } }", Map.of());

		assertThat(this.shopify.pauses).as("the second query waits for the 200 points it lacks").hasSize(1);
		assertThat(this.shopify.pauses.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
	}

	@Test
	void shouldHonourRetryAfterOnHttp429() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.25"))
			.willSetStateTo("ok"));
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("429")
			.whenScenarioStateIs("ok")
			.willReturn(ShopifyFake.data("{\"shop\":{\"name\":\"Northwind\"}}", 1, 1999)));

		JsonNode data = this.shopify.client().query("query { shop { name } }", Map.of());

		assertThat(data.path("shop").path("name").asString()).isEqualTo("Northwind");
		assertThat(this.shopify.retryWaits).as("Shopify's Retry-After, not the policy's 1 ms")
			.containsExactly(Duration.ofMillis(250));
		assertThat(this.shopify.pauses).isEmpty();
	}

	@Test
	void shouldRetryServerErrorsWithBackoffAndThenGiveUpWithTheReason() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> this.shopify.client().query("query { shop { name } }", Map.of()))
			.withMessage("shop " + this.shopify.server.baseUrl() + " is still unavailable after 6 attempts: HTTP 503 "
					+ "from Shopify");
		assertThat(this.shopify.retryWaits).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2),
				Duration.ofMillis(4), Duration.ofMillis(8), Duration.ofMillis(16));
		this.shopify.server.verify(6, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)));
	}

	@Test
	void shouldSayWhenTheTokenIsRefused() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.willReturn(aResponse().withStatus(401)
				.withBody(
						"{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> this.shopify.client().query("query { shop { name } }", Map.of()))
			.withMessageContaining("refused the Admin API access token (HTTP 401)");
		assertThat(this.shopify.pauses).isEmpty();
	}

	@Test
	void shouldReportQueryErrorsWithShopifysMessages() {
		this.shopify.server.stubFor(ShopifyFake.graphql("nope").willReturn(ShopifyFake.json("""
				{"errors":[{"message":"Field 'nope' doesn't exist on type 'QueryRoot'",
				  "locations":[{"line":1,"column":9}],"path":["query","nope"],
				  "extensions":{"code":"undefinedField","typeName":"QueryRoot","fieldName":"nope"}}]}""")));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> this.shopify.client().query("query { nope }", Map.of()))
			.withMessageEndingWith("rejected the query: Field 'nope' doesn't exist on type 'QueryRoot'");
	}

	@Test
	void shouldRetryShopifysInternalServerErrorThatComesWithHttp200() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("ise")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake
				.json("""
						{"errors":[{"message":"Internal error. Looks like something went wrong on our end.
						Request ID: 1b355a21-7117-44c5-8d8b-8948082f40a8 (include this in support requests).",
						  "extensions":{"code":"INTERNAL_SERVER_ERROR","requestId":"1b355a21-7117-44c5-8d8b-8948082f40a8"}}]}"""
					.replace("\n", " ")))
			.willSetStateTo("ok"));
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("ise")
			.whenScenarioStateIs("ok")
			.willReturn(ShopifyFake.data("{\"shop\":{\"name\":\"Northwind\"}}", 1, 1999)));

		JsonNode data = this.shopify.client().query("query { shop { name } }", Map.of());

		assertThat(data.path("shop").path("name").asString()).isEqualTo("Northwind");
		assertThat(this.shopify.retryWaits).as("the policy's backoff").containsExactly(Duration.ofMillis(1));
	}

	@Test
	void shouldRecogniseThrottlingByItsMessageWhenTheAnswerHasNoCode() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake.json("{\"errors\":[{\"message\":\"Throttled\"}]}"))
			.willSetStateTo("ok"));
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.inScenario("throttled")
			.whenScenarioStateIs("ok")
			.willReturn(ShopifyFake.data("{\"shop\":{\"name\":\"Northwind\"}}", 1, 1999)));

		JsonNode data = this.shopify.client().query("query { shop { name } }", Map.of());

		assertThat(data.path("shop").path("name").asString()).isEqualTo("Northwind");
		assertThat(this.shopify.retryWaits).hasSize(1);
	}

	@Test
	void shouldNoteTheVersionShopifyServedWhenItIsNotTheOneAskedForAndNameItOnA404() {
		this.shopify.server.stubFor(ShopifyFake.graphql("shop")
			.willReturn(ShopifyFake.data("{\"shop\":{\"name\":\"Northwind\"}}", 1, 1999)
				.withHeader("X-Shopify-API-Version", "2026-01")));
		this.shopify.server.stubFor(ShopifyFake.graphql("products").willReturn(aResponse().withStatus(404)));
		ShopifyClient client = this.shopify.client();

		client.query("query { shop { name } }", Map.of());

		assertThat(client.servedVersion()).isEqualTo("2026-01");
		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> client.query("query { products(first: 1) { nodes { id } } }", Map.of()))
			.withMessageEndingWith("(HTTP 404); check the shop domain and the API version (Shopify served 2026-01 "
					+ "to an earlier request: set p2p.shopify.api-version to a supported version)");
	}

	@Test
	void shouldNotRepeatAMutationWhoseOutcomeIsUnknownButRepeatOneThatWasThrottled() {
		this.shopify.server
			.stubFor(ShopifyFake.graphql("bulkOperationRunQuery").willReturn(aResponse().withStatus(503)));
		this.shopify.server.stubFor(ShopifyFake.graphql("stagedUploadsCreate")
			.inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
			.willSetStateTo("ok"));
		this.shopify.server.stubFor(ShopifyFake.graphql("stagedUploadsCreate")
			.inScenario("429")
			.whenScenarioStateIs("ok")
			.willReturn(ShopifyFake.data("{\"stagedUploadsCreate\":{\"userErrors\":[]}}", 10, 1990)));
		ShopifyClient client = this.shopify.client();

		assertThatExceptionOfType(ShopifyOutcomeUnknownException.class)
			.isThrownBy(() -> client
				.mutateOnce("mutation { bulkOperationRunQuery(query: \"{}\") { userErrors { message } } }", Map.of()))
			.withMessageContaining("may or may not have carried out the mutation: HTTP 503");
		this.shopify.server.verify(1, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("bulkOperationRunQuery")));
		assertThat(client.mutateOnce("mutation { stagedUploadsCreate(input: []) { userErrors { message } } }", Map.of())
			.path("stagedUploadsCreate")
			.path("userErrors")
			.isEmpty()).isTrue();
	}

	@Test
	void shouldCarryShopifysErrorCodeOnARefusal() {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery").willReturn(ShopifyFake.json("""
				{"errors":[{"message":"Access denied for bulkOperationRunQuery field.",
				  "extensions":{"code":"ACCESS_DENIED"}}]}""")));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> this.shopify.client().mutateOnce("mutation { bulkOperationRunQuery }", Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ACCESS_DENIED"));
	}

	@Test
	void shouldRefuseAShopThatIsNoShopDomain() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ShopifyShop("northwind.example.com", "t", "2025-10"))
			.withMessage("Shopify shop 'northwind.example.com' is not a shop domain like your-store.myshopify.com");
		assertThat(new ShopifyShop("Northwind.myshopify.com", "t", "2025-10").graphqlUri())
			.hasToString("https://northwind.myshopify.com/admin/api/2025-10/graphql.json");
	}

}
