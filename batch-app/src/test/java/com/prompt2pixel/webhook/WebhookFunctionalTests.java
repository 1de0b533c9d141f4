package com.prompt2pixel.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks to a merchant's receiver (a WireMock server) over real HTTP: registered
 * through the API, sent when a run completes, signed so that the receiver can verify the
 * body, retried after a failure with every attempt logged, replayed as the same event;
 * and endpoints the server must not call refused.
 */
class WebhookFunctionalTests extends FunctionalTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	CatalogRuns runs;

	@Autowired
	JsonMapper json;

	@TempDir
	Path folder;

	@BeforeEach
	void startReceiver() {
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop();
	}

	@Test
	void shouldSendASignedEventWhenARunCompletesAndRetryAFailedAttempt() throws Exception {
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(204)));
		JsonNode endpoint = register("hooks-run", "http://localhost:" + this.receiver.port() + "/hooks", null);
		String secret = endpoint.get("secret").asString();
		assertThat(secret).startsWith("whsec_");

		long run = this.runs
			.start(new RunRequest("hooks-run", SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder))
			.run();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.receiver.findAll(postRequestedFor(urlEqualTo("/hooks"))).size() >= 2);
		List<LoggedRequest> sent = this.receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
		LoggedRequest delivered = sent.get(1);
		JsonNode event = this.json.readTree(delivered.getBodyAsString());
		assertThat(event.get("type").asString()).isEqualTo("run.completed");
		assertThat(event.get("data").get("run").asLong()).isEqualTo(run);
		assertThat(event.get("data").get("images").asInt()).isEqualTo(4);
		assertThat(delivered.getHeader("X-P2P-Event-Id")).isEqualTo(event.get("id").asString())
			.isEqualTo(sent.get(0).getHeader("X-P2P-Event-Id"));
		assertVerifies(delivered, secret);
		assertThat(delivered.getBodyAsString()).as("the same body each attempt")
			.isEqualTo(sent.get(0).getBodyAsString());

		JsonNode deliveries = awaitDelivered(endpoint.get("id").asLong());
		JsonNode log = deliveries.get(0).get("log");
		assertThat(log).hasSize(2);
		assertThat(log.get(0).get("status").asInt()).isEqualTo(503);
		assertThat(log.get(0).get("error").asString()).isEqualTo("answered 503");
		assertThat(log.get(1).get("status").asInt()).isEqualTo(204);

		HttpResponse<String> replay = send("POST", "/api/v1/webhooks/" + endpoint.get("id").asLong() + "/deliveries/"
				+ deliveries.get(0).get("id").asLong() + "/replay", "hooks-run", null);

		assertThat(replay.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.receiver.findAll(postRequestedFor(urlEqualTo("/hooks"))).size() >= 3);
		LoggedRequest replayed = this.receiver.findAll(postRequestedFor(urlEqualTo("/hooks"))).get(2);
		assertThat(replayed.getHeader("X-P2P-Event-Id")).as("a replay is the same event")
			.isEqualTo(event.get("id").asString());
		assertVerifies(replayed, secret);
	}

	@Test
	void shouldRefuseEndpointsTheServerMustNotCall() throws Exception {
		for (String url : List.of("http://127.0.0.1:" + this.receiver.port() + "/hooks",
				"http://169.254.169.254/latest", "ftp://example.com/hooks", "http://user:pw@localhost/hooks",
				"not a url")) {
			HttpResponse<String> refused = send("POST", "/api/v1/webhooks", "hooks-refused",
					"{\"url\": \"" + url + "\"}");
			assertThat(refused.statusCode()).as(url).isEqualTo(400);
			assertThat(this.json.readTree(refused.body()).get("detail").asString()).as(url).startsWith("url '");
		}
		HttpResponse<String> unknownEvent = send("POST", "/api/v1/webhooks", "hooks-refused",
				"{\"url\": \"http://localhost:1/hooks\", \"events\": [\"image.rejected\"]}");
		assertThat(this.json.readTree(unknownEvent.body()).get("detail").asString())
			.isEqualTo("event 'image.rejected' is not one of run.completed, run.failed, generation.completed, "
					+ "generation.failed, image.needs_review");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint WHERE merchant_id = 'hooks-refused'",
				Long.class))
			.isZero();
	}

	@Test
	void shouldAnnounceAGenerationAndEachImageItHeldForReview() throws Exception {
		this.receiver.stubFor(post(urlEqualTo("/studio")).willReturn(aResponse().withStatus(204)));
		String merchant = "hooks-generation";
		JsonNode endpoint = register(merchant, "http://localhost:" + this.receiver.port() + "/studio",
				List.of("generation.completed", "image.needs_review"));
		// its catalog: the run's own end is no event this endpoint wants
		this.runs.start(new RunRequest(merchant, SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder));
		this.generator.blankForPromptsContaining("ghostly");

		HttpResponse<String> started = send("POST", "/api/v1/generations", merchant,
				"{\"product\": \"MUG-CLAY-01\", \"prompt\": \"a ghostly mug\", \"variants\": 2, \"seed\": 1}");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long generation = this.json.readTree(started.body()).get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.receiver.findAll(postRequestedFor(urlEqualTo("/studio"))).size() >= 3);
		List<JsonNode> events = this.receiver.findAll(postRequestedFor(urlEqualTo("/studio")))
			.stream()
			.peek((request) -> assertVerifies(request, endpoint.get("secret").asString()))
			.map((request) -> this.json.readTree(request.getBodyAsString()))
			.toList();
		assertThat(events).hasSize(3);
		List<JsonNode> held = events.stream()
			.filter((event) -> event.get("type").asString().equals("image.needs_review"))
			.toList();
		assertThat(held).hasSize(2);
		assertThat(held.get(0).get("data").get("run").asLong()).isEqualTo(generation);
		assertThat(held.get(0).get("data").get("product").asString()).isEqualTo("MUG-CLAY-01");
		assertThat(held.get(0).get("data").get("problems").get(0).asString()).isNotBlank();
		JsonNode completed = events.stream()
			.filter((event) -> event.get("type").asString().equals("generation.completed"))
			.findFirst()
			.orElseThrow();
		assertThat(completed.get("data").get("generation").asLong()).isEqualTo(generation);
		assertThat(completed.get("data").get("url").asString()).isEqualTo("/api/v1/generations/" + generation);
		assertThat(completed.get("data").get("images").findValues("id").stream().map(JsonNode::asLong))
			.containsExactlyInAnyOrderElementsOf(
					held.stream().map((event) -> event.get("data").get("image").asLong()).toList());
	}

	@Test
	void shouldRecordNoEventForAMerchantWithoutEndpoints() {
		long before = this.jdbc.queryForObject("SELECT count(*) FROM webhook_event", Long.class);

		this.runs
			.start(new RunRequest("hooks-none", SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder));

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_event", Long.class)).isEqualTo(before);
	}

	/** What a receiver does: the HMAC of "t.body" under its secret, compared. */
	private static void assertVerifies(LoggedRequest request, String secret) {
		String signature = request.getHeader(WebhookSignature.HEADER);
		assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
		long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
		assertThat(signature.substring(signature.indexOf("v1=") + 3))
			.isEqualTo(WebhookSignature.hmac(secret, t, request.getBody()));
		assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(60);
	}

	private JsonNode awaitDelivered(long endpoint) throws Exception {
		JsonNode[] deliveries = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			deliveries[0] = this.json
				.readTree(send("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", "hooks-run", null).body());
			return deliveries[0].size() == 1 && !deliveries[0].get(0).get("delivered_at").isNull();
		});
		return deliveries[0];
	}

	private JsonNode register(String merchant, String url, List<String> events) throws Exception {
		String chosen = (events != null)
				? ", \"events\": [" + String.join(", ", events.stream().map((e) -> "\"" + e + "\"").toList()) + "]"
				: "";
		HttpResponse<String> response = send("POST", "/api/v1/webhooks", merchant,
				"{\"url\": \"" + url + "\"" + chosen + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String merchant, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", bearer(merchant));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
