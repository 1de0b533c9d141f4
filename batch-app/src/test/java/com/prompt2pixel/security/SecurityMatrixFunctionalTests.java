package com.prompt2pixel.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.prompt2pixel.moderate.ReviewDecisions;
import com.prompt2pixel.moderate.ReviewPolicies;
import com.prompt2pixel.moderate.ReviewPolicy;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Multipart;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.webhook.WebhookEndpoints;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the OpenAPI document, called as anonymous, with a revoked key, with
 * another merchant's key, with a staff account of the wrong role and with the right
 * credentials: the status of each, and that no answer to the wrong caller shows the
 * owner's data. An endpoint the document lists but {@link #ACCESS} does not is a failure,
 * so a new endpoint cannot be forgotten here.
 */
class SecurityMatrixFunctionalTests extends FunctionalTest {

	/** Who may call an endpoint. */
	enum Access {

		/** A merchant's API key, for that merchant's objects only. */
		MERCHANT,
		/** A staff account with the ADMIN role. */
		ADMIN,
		/**
		 * A staff account with the REVIEWER (or ADMIN) role, for any merchant's images.
		 */
		REVIEWER,
		/**
		 * Anyone: the body is signed (Shopify's webhooks) and checked by the receiver.
		 */
		SIGNED

	}

	/**
	 * What another merchant's key is answered where it differs from 404 (for an id in the
	 * path): creating its own objects, or its own (empty) lists.
	 */
	private static final Map<String, Integer> OTHER_MERCHANT = Map.of("POST /api/v1/catalog-imports", 202,
			"GET /api/v1/runs", 200, "POST /api/v1/webhooks", 201, "GET /api/v1/webhooks", 200,
			// the owner's import id in the body: no such import, as a missing one
			"POST /api/v1/runs", 400, "GET /api/v1/generations", 200,
			// the owner's product key in the body: not in this merchant's catalog
			"POST /api/v1/generations", 400,
			// the merchant's own targets: listed, set (an S3 bucket), removed
			"GET /api/v1/publish-targets", 200, "PUT /api/v1/publish-targets/{kind}", 200,
			"DELETE /api/v1/publish-targets/{kind}", 204);

	/**
	 * Controls of a submitted run (the owner's generation): whether the owner's call is
	 * carried out (202) or does not fit the run's state at that moment (409) depends on
	 * the order of the calls and on how far the run has got; either way it got past
	 * authorisation.
	 */
	private static final Set<String> STATE_DECIDES = Set.of("POST /api/v1/runs/{id}/stop",
			"POST /api/v1/runs/{id}/resume", "POST /api/v1/runs/{id}/cancel", "POST /api/v1/runs/{id}/retry-failed");

	private static final Map<String, Access> ACCESS = Map.ofEntries(
			Map.entry("POST /api/v1/catalog-imports", Access.MERCHANT), Map.entry("POST /api/v1/runs", Access.MERCHANT),
			Map.entry("GET /api/v1/runs", Access.MERCHANT), Map.entry("GET /api/v1/runs/{id}/images", Access.MERCHANT),
			Map.entry("GET /api/v1/runs/{id}/manifest.csv", Access.MERCHANT),
			Map.entry("GET /api/v1/images/{id}", Access.MERCHANT),
			Map.entry("GET /api/v1/images/{id}/meta", Access.MERCHANT),
			Map.entry("POST /api/v1/images/{id}/report", Access.MERCHANT),
			Map.entry("POST /api/v1/webhooks", Access.MERCHANT), Map.entry("GET /api/v1/webhooks", Access.MERCHANT),
			Map.entry("DELETE /api/v1/webhooks/{id}", Access.MERCHANT),
			Map.entry("GET /api/v1/webhooks/{id}/deliveries", Access.MERCHANT),
			Map.entry("POST /api/v1/webhooks/{id}/deliveries/{delivery}/replay", Access.MERCHANT),
			Map.entry("GET /api/v1/catalog-imports/{id}", Access.MERCHANT),
			Map.entry("GET /api/v1/catalog-imports/{id}/errors.{format}", Access.MERCHANT),
			Map.entry("GET /api/v1/runs/{id}", Access.MERCHANT),
			Map.entry("GET /api/v1/runs/{id}/progress", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/stop", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/resume", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/cancel", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/retry-failed", Access.MERCHANT),
			Map.entry("POST /api/v1/generations", Access.MERCHANT),
			Map.entry("GET /api/v1/generations", Access.MERCHANT),
			Map.entry("GET /api/v1/generations/{id}", Access.MERCHANT),
			Map.entry("GET /api/v1/publish-targets", Access.MERCHANT),
			Map.entry("PUT /api/v1/publish-targets/{kind}", Access.MERCHANT),
			Map.entry("DELETE /api/v1/publish-targets/{kind}", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/publish", Access.MERCHANT),
			Map.entry("POST /api/v1/runs/{id}/unpublish", Access.MERCHANT),
			Map.entry("POST /api/v1/admin/merchants/{merchant}/api-keys", Access.ADMIN),
			Map.entry("GET /api/v1/admin/merchants/{merchant}/api-keys", Access.ADMIN),
			Map.entry("GET /api/v1/admin/api-keys/{id}", Access.ADMIN),
			Map.entry("DELETE /api/v1/admin/api-keys/{id}", Access.ADMIN),
			Map.entry("GET /api/v1/review", Access.REVIEWER),
			Map.entry("GET /api/v1/review/{id}/decisions", Access.REVIEWER),
			Map.entry("POST /api/v1/review/{id}/approve", Access.REVIEWER),
			Map.entry("POST /api/v1/review/{id}/reject", Access.REVIEWER),
			Map.entry("POST /api/v1/review/{id}/regenerate", Access.REVIEWER),
			Map.entry("POST /api/v1/review/decisions", Access.REVIEWER),
			Map.entry("POST /webhooks/shopify/products", Access.SIGNED));

	private static final String OWNER = "matrix-owner";

	private static final String OTHER = "matrix-other";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CatalogRuns runs;

	@Autowired
	ApiKeys keys;

	@Autowired
	RunQueue queue;

	@Autowired
	JsonMapper json;

	@TempDir
	Path folder;

	private long run;

	private long catalogImport;

	private long image;

	/** An on-demand generation of the owner's. */
	private long generation;

	/** The owner's webhook endpoint, with a delivery of the run's event. */
	private long webhook;

	private long delivery;

	/** Another endpoint of the owner's, for the removal. */
	private long spareWebhook;

	private ApiKey ownersSpareKey;

	private String revoked;

	@Autowired
	WebhookEndpoints webhooks;

	@Autowired
	ReviewPolicies reviewPolicies;

	/**
	 * The owner's images held for review (its policy holds them all), one per decision
	 * endpoint: each decision takes its image out of review.
	 */
	private List<Long> held;

	/** The owner's published image, for the report. */
	private long reportable;

	@Autowired
	ReviewDecisions decisions;

	@BeforeEach
	void ownersObjects() {
		// the merchant, as its first key makes it
		apiKey(OWNER);
		this.reviewPolicies.set(OWNER, new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "matrix");
		this.webhook = this.webhooks.register(OWNER, "http://localhost:1/hooks", null).endpoint().id();
		this.spareWebhook = this.webhooks.register(OWNER, "http://localhost:1/spare", null).endpoint().id();
		// one row without a title, so that the import has an error report to be asked for
		Path catalog = SampleCatalogs.write(this.folder, "sku;title;price;image",
				List.of("MATRIX-1;Vase;12,50;photos/mug-clay-01.png", "MATRIX-2;;12,50;photos/mug-clay-01.png",
						// new in each test: its images are rendered, not reused, so the
						// policy holds them for the review endpoints
						"MATRIX-R" + System.nanoTime() + ";Jug;12,50;photos/mug-clay-01.png",
						"MATRIX-S" + System.nanoTime() + ";Cup;12,50;photos/mug-clay-01.png"));
		this.run = this.runs.start(new RunRequest(OWNER, catalog, null, 1, this.folder)).run();
		this.catalogImport = this.jdbc.queryForObject("SELECT id FROM catalog_import WHERE run_id = ?", Long.class,
				this.run);
		this.image = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND image_key IS NOT NULL", Long.class, this.run);
		this.held = this.jdbc.queryForList(
				"SELECT id FROM render_task WHERE run_id = ? AND state = 'NEEDS_REVIEW' ORDER BY id", Long.class,
				this.run);
		assertThat(this.held).as("one held image per decision endpoint, one for the report")
			.hasSizeGreaterThanOrEqualTo(5);
		// approved, so published: what a merchant may report
		this.reportable = this.held.get(4);
		this.decisions.approve(List.of(this.reportable), "staff:matrix", ReviewDecisions.Scope.ALL);
		this.delivery = this.jdbc.queryForObject("SELECT max(id) FROM webhook_delivery WHERE endpoint_id = ?",
				Long.class, this.webhook);
		this.generation = this.queue
			.submitGeneration(new OnDemandRequest(OWNER, "MATRIX-1", null, null, null, null, 1, 7, null, null))
			.id();
		this.ownersSpareKey = this.keys.create(OWNER, "spare").key();
		NewApiKey toRevoke = this.keys.create(OWNER, "revoked");
		this.keys.revoke(toRevoke.key().id());
		this.revoked = toRevoke.secret();
	}

	@Test
	void shouldRefuseEveryEndpointToEveryoneButItsOwnCaller() throws Exception {
		List<String[]> endpoints = documentedEndpoints();
		assertThat(endpoints).as("the OpenAPI document lists the API").hasSizeGreaterThanOrEqualTo(ACCESS.size());
		String reviewer = basic(StaffRole.REVIEWER);
		String operator = basic(StaffRole.OPERATOR);
		String admin = basic(StaffRole.ADMIN);
		SoftAssertions softly = new SoftAssertions();
		for (String[] endpoint : endpoints) {
			String method = endpoint[0];
			String template = endpoint[1];
			String name = method + " " + template;
			Access access = ACCESS.get(name);
			softly.assertThat(access).as(name + " is classified in ACCESS").isNotNull();
			if (access == null) {
				continue;
			}
			String path = concrete(method, template);
			HttpResponse<String> anonymous = call(method, path, null);
			HttpResponse<String> revokedKey = call(method, path, "Bearer " + this.revoked);
			HttpResponse<String> otherMerchant = call(method, path, bearer(OTHER));
			// a reviewer is the right caller of the review API; an operator is not
			HttpResponse<String> wrongRole = call(method, path, (access == Access.REVIEWER) ? operator : reviewer);
			switch (access) {
				case MERCHANT -> {
					softly.assertThat(anonymous.statusCode()).as(name + " anonymous").isEqualTo(401);
					softly.assertThat(revokedKey.statusCode()).as(name + " revoked key").isEqualTo(401);
					softly.assertThat(wrongRole.statusCode()).as(name + " staff, no key").isEqualTo(401);
					softly.assertThat(otherMerchant.statusCode())
						.as(name + " another merchant's key")
						.isEqualTo(OTHER_MERCHANT.getOrDefault(name, 404));
					HttpResponse<String> owner = call(method, path, bearer(OWNER));
					if (STATE_DECIDES.contains(name)) {
						softly.assertThat(owner.statusCode())
							.as(name + " the owner's key: " + owner.body())
							.isIn(202, 409);
					}
					else {
						softly.assertThat(owner.statusCode())
							.as(name + " the owner's key: " + owner.body())
							.isBetween(200, 299);
					}
				}
				case ADMIN -> {
					softly.assertThat(anonymous.statusCode()).as(name + " anonymous").isEqualTo(401);
					softly.assertThat(revokedKey.statusCode()).as(name + " revoked key").isEqualTo(401);
					softly.assertThat(otherMerchant.statusCode()).as(name + " a merchant's key").isEqualTo(401);
					softly.assertThat(wrongRole.statusCode()).as(name + " a reviewer").isEqualTo(403);
					softly.assertThat(call(method, path, operator).statusCode())
						.as(name + " an operator")
						.isEqualTo(403);
					softly.assertThat(call(method, path, admin).statusCode())
						.as(name + " an admin")
						.isBetween(200, 299);
				}
				case REVIEWER -> {
					softly.assertThat(anonymous.statusCode()).as(name + " anonymous").isEqualTo(401);
					softly.assertThat(revokedKey.statusCode()).as(name + " revoked key").isEqualTo(401);
					softly.assertThat(otherMerchant.statusCode()).as(name + " a merchant's key").isEqualTo(401);
					softly.assertThat(wrongRole.statusCode()).as(name + " an operator").isEqualTo(403);
					HttpResponse<String> right = call(method, path, reviewer);
					softly.assertThat(right.statusCode()).as(name + " a reviewer: " + right.body()).isBetween(200, 299);
					if (method.equals("GET")) {
						softly.assertThat(call(method, path, admin).statusCode())
							.as(name + " an admin")
							.isBetween(200, 299);
					}
				}
				case SIGNED -> {
					softly.assertThat(anonymous.statusCode()).as(name + " unsigned").isEqualTo(401);
					softly.assertThat(otherMerchant.statusCode()).as(name + " a key is no signature").isEqualTo(401);
				}
			}
			for (HttpResponse<String> refused : List.of(anonymous, revokedKey, otherMerchant, wrongRole)) {
				softly.assertThat(refused.body())
					.as(name + " tells the wrong caller nothing of the owner's")
					.doesNotContain(OWNER)
					.doesNotContain(this.ownersSpareKey.prefix())
					.doesNotContain("Exception");
				if (refused.statusCode() >= 400) {
					softly.assertThat(refused.headers().firstValue("Content-Type"))
						.as(name + " answers a problem detail")
						.hasValue("application/problem+json");
				}
			}
		}
		softly.assertThat(ACCESS.keySet())
			.as("every classified endpoint is documented")
			.containsExactlyInAnyOrderElementsOf(endpoints.stream().map((e) -> e[0] + " " + e[1]).toList());
		softly.assertAll();
		assertThat(call("GET", "/actuator/health", null).statusCode()).as("healthy after it all").isEqualTo(200);
	}

	@Test
	void shouldKeepTheActuatorToAdminsButHealth() throws Exception {
		assertThat(call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/actuator/env", null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/actuator/env", bearer(OWNER)).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/actuator/env", basic(StaffRole.OPERATOR)).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/actuator/env", basic(StaffRole.ADMIN)).statusCode())
			.as("an admin may, but it is not exposed")
			.isEqualTo(404);
	}

	/** Method and path template of every operation of the OpenAPI document. */
	private List<String[]> documentedEndpoints() throws Exception {
		HttpResponse<String> document = call("GET", "/v3/api-docs", null);
		assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
		JsonNode paths = this.json.readTree(document.body()).get("paths");
		List<String[]> endpoints = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				endpoints.add(new String[] { method.toUpperCase(Locale.ROOT), path });
			}
		}
		return endpoints;
	}

	/** The template with the owner's objects in it. */
	private String concrete(String method, String template) {
		long id = this.ownersSpareKey.id();
		if (template.contains("/webhooks/")) {
			id = method.equals("DELETE") ? this.spareWebhook : this.webhook;
		}
		else if (template.contains("/generations/") || STATE_DECIDES.contains(method + " " + template)) {
			id = this.generation;
		}
		else if (template.contains("/runs/")) {
			id = this.run;
		}
		else if (template.contains("/catalog-imports/")) {
			id = this.catalogImport;
		}
		else if (template.endsWith("/report")) {
			id = this.reportable;
		}
		else if (template.contains("/images/")) {
			id = this.image;
		}
		else if (template.startsWith("/api/v1/review/")) {
			id = this.held.get(template.endsWith("/reject") ? 1 : template.endsWith("/regenerate") ? 2 : 0);
		}
		return template.replace("{id}", String.valueOf(id))
			.replace("{merchant}", OWNER)
			.replace("{format}", "csv")
			.replace("{kind}", "s3")
			.replace("{delivery}", String.valueOf(this.delivery));
	}

	private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (path.endsWith("/catalog-imports")) {
			request.header("Content-Type", Multipart.contentType())
				.method(method, Multipart.file("c.csv", "sku,title,image\nM1,Vase,https://x.example/1.jpg\n"));
		}
		else if (path.equals("/api/v1/runs") && method.equals("POST")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"catalog_import\": " + this.catalogImport + ", \"priority\": \"on-demand\"}"));
		}
		else if (path.equals("/api/v1/generations") && method.equals("POST")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"product\": \"MATRIX-1\"}"));
		}
		else if (path.equals("/api/v1/webhooks") && method.equals("POST")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://localhost:1/other\"}"));
		}
		else if (path.startsWith("/api/v1/publish-targets/") && method.equals("PUT")) {
			// an endpoint nothing listens on: a publish to it fails at once
			request.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers
					.ofString("{\"location\": \"s3://matrix-images/p\", \"endpoint\": \"http://localhost:1\"}"));
		}
		else if (path.endsWith("/reject") || path.endsWith("/report")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"matrix\"}"));
		}
		else if (path.equals("/api/v1/review/decisions")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"decision\": \"approve\", \"tasks\": [" + this.held.get(3) + "]}"));
		}
		else if (method.equals("POST")) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
