package com.prompt2pixel.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.prompt2pixel.connectors.shopify.ShopifyWebhook;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Imports from a Shopify shop faked by WireMock in the Admin API's documented shapes:
 * paged queries, a bulk operation, a refused token then a resume, and the product webhook
 * over real HTTP.
 */
class ShopifyImportFunctionalTests extends FunctionalTest {

	/** Each merchant's shop lies under a path of its own on the one fake server. */
	private static final String ENDPOINT = "/[a-z-]+/admin/api/2025-10/graphql\\.json";

	private static final WireMockServer shopify = new WireMockServer(options().dynamicPort());

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	CatalogImportService imports;

	@Autowired
	ShopifyConnections connections;

	@Autowired
	RunQueue queue;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startShop() {
		shopify.start();
	}

	@AfterAll
	static void stopShop() {
		shopify.stop();
	}

	@BeforeEach
	void resetShop() {
		shopify.resetAll();
	}

	@Test
	void shouldImportAConnectedShopPageByPage() {
		connect("shop-paged", "token-paged");
		stubCount(3);
		shopify.stubFor(graphql("query Products", "token-paged")
			.withRequestBody(matchingJsonPath("$.variables.after", absent()))
			.willReturn(data(page(true, "c2", product(1, "linen-shirt", "Linen Shirt", "19.5"),
					product(2, "ceramic-mug", "Ceramic Mug", "12.0")))));
		shopify.stubFor(graphql("query Products", "token-paged")
			.withRequestBody(matchingJsonPath("$.variables.after", equalTo("c2")))
			.willReturn(data(page(false, "c3", product(3, "tote-bag", "Tote Bag", "9.0")))));

		ImportSummary summary = this.imports.startShopify("shop-paged", "AUTO");

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.format()).isEqualTo("shopify-api, JSONL snapshot");
		assertThat(summary.created()).isEqualTo(3);
		List<Map<String, Object>> products = this.jdbc.queryForList("""
				SELECT source_key, title, description, tags, options, variant_count, price, image_urls[1] AS image
				FROM product WHERE merchant_id = 'shop-paged' ORDER BY source_key""");
		assertThat(products).extracting((row) -> row.get("source_key"))
			.containsExactly("ceramic-mug", "linen-shirt", "tote-bag");
		Map<String, Object> shirt = products.get(1);
		assertThat(shirt.get("title")).isEqualTo("Linen Shirt");
		assertThat(shirt.get("description")).isEqualTo("Made to last.");
		assertThat(shirt.get("options")).isEqualTo("Color: Sand, Sky");
		assertThat(shirt.get("variant_count")).isEqualTo(2);
		assertThat(shirt.get("image")).isEqualTo("https://cdn.shopify.com/s/files/1/1.jpg");
	}

	@Test
	void shouldImportALargeShopThroughABulkOperationAndCountWhatChanged() {
		connect("shop-bulk", "token-bulk");
		stubCount(2);
		shopify.stubFor(graphql("query Products", "token-bulk").willReturn(data(page(false, "c1",
				product(10, "desk-lamp", "Desk Lamp", "49.0"), product(11, "floor-lamp", "Floor Lamp", "129.0")))));
		this.imports.startShopify("shop-bulk", "PAGED");
		String operation = "gid://shopify/BulkOperation/1";
		shopify.stubFor(graphql("bulkOperationRunQuery", "token-bulk").willReturn(data("""
				{"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED"},"userErrors":[]}}"""
			.formatted(operation))));
		shopify.stubFor(graphql("query BulkOperation", "token-bulk").inScenario("bulk")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(data(bulkOperation(operation, "RUNNING", null)))
			.willSetStateTo("done"));
		shopify.stubFor(graphql("query BulkOperation", "token-bulk").inScenario("bulk")
			.whenScenarioStateIs("done")
			.willReturn(data(bulkOperation(operation, "COMPLETED", shopify.baseUrl() + "/results/bulk-1.jsonl"))));
		shopify.stubFor(get(urlEqualTo("/results/bulk-1.jsonl")).willReturn(aResponse().withStatus(200)
			.withBody(line(product(10, "desk-lamp", "Desk Lamp (brass)", "49.0")) + "\n" + media(10) + "\n"
					+ line(product(12, "wall-lamp", "Wall Lamp", "39.0")) + "\n" + media(12) + "\n")));

		ImportSummary summary = this.imports.startShopify("shop-bulk", "BULK");

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(List.of(summary.created(), summary.changed(), summary.unchanged(), summary.removed()))
			.as("new, changed, unchanged, removed")
			.containsExactly(1L, 1L, 0L, 1L);
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM product WHERE merchant_id = 'shop-bulk' AND removed_at IS NOT NULL",
				String.class))
			.containsExactly("floor-lamp");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void shouldFailOnARefusedTokenAndResumeOnceItIsMended(CapturedOutput output) {
		connect("shop-token", "wrong-token");
		shopify.stubFor(post(urlMatching(ENDPOINT)).withHeader("X-Shopify-Access-Token", equalTo("wrong-token"))
			.willReturn(aResponse().withStatus(401)
				.withBody(
						"{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

		ImportSummary failed = this.imports.startShopify("shop-token", "PAGED");

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.message()).isEqualTo("shop " + shopify.baseUrl() + "/shop-token"
				+ " refused the Admin API access token (HTTP 401); check the token and its read_products scope");
		assertThat(output).as("the shop's refusal is expected: no error with a stack trace")
			.doesNotContain("Encountered an error executing step fetchCatalogStep");
		connect("shop-token", "right-token");
		stubCount(1);
		shopify.stubFor(graphql("query Products", "right-token")
			.willReturn(data(page(false, "c1", product(20, "vase", "Vase", "30.0")))));

		ImportSummary resumed = this.imports.resume(failed.id());

		assertThat(resumed.status()).isEqualTo("COMPLETED");
		assertThat(resumed.created()).isEqualTo(1);
	}

	@Test
	void shouldSayWhatIsMissingBeforeReadingAShop() {
		assertThatThrownBy(() -> this.imports.startShopify("shop-none", "AUTO"))
			.isInstanceOf(InvalidImportRequestException.class)
			.hasMessage("merchant 'shop-none' has no Shopify shop connected; connect one with: shopify-connect "
					+ "--merchant shop-none --shop your-store.myshopify.com");
		this.connections.connect("shop-notoken", "shop-notoken.myshopify.com");
		assertThatThrownBy(() -> this.imports.startShopify("shop-notoken", "AUTO"))
			.hasMessage("no Admin API access token for merchant 'shop-notoken' (shop shop-notoken.myshopify.com): "
					+ "set the environment variable P2P_SHOPIFY_TOKEN_SHOP_NOTOKEN");
		assertThatThrownBy(() -> this.connections.connect("shop-other", "shop-notoken.myshopify.com"))
			.hasMessage("shop shop-notoken.myshopify.com is already connected to merchant 'shop-notoken'");
	}

	@Test
	void shouldReimportTheOneProductOfAVerifiedWebhookAndNoMore() throws Exception {
		String shop = connect("shop-hook", "token-hook");
		stubCount(2);
		shopify.stubFor(graphql("query Products", "token-hook").willReturn(data(
				page(false, "c1", product(30, "candle", "Candle", "8.0"), product(31, "lantern", "Lantern", "25.0")))));
		this.imports.startShopify("shop-hook", "PAGED");
		byte[] body = """
				{"id":30,"admin_graphql_api_id":"gid://shopify/Product/30","handle":"candle","title":"Soy Candle",
				 "body_html":"<p>Hand poured.</p>","vendor":"Northwind","product_type":"Candle","status":"active",
				 "tags":"home, scent","variants":[{"price":"9.50"}],"options":[{"name":"Title","values":["Default Title"]}],
				 "images":[{"id":5,"position":1,"src":"https://cdn.shopify.com/s/files/1/candle-new.jpg"}]}"""
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> forged = webhook(body, "bm90IHRoZSBzaWduYXR1cmU=", shop, "delivery-0");
		HttpResponse<String> accepted = webhook(body, sign(body), shop, "delivery-1");
		HttpResponse<String> repeated = webhook(body, sign(body), shop, "delivery-1");
		HttpResponse<String> stranger = webhook(body, sign(body), "stranger.myshopify.com", "delivery-2");

		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(accepted.statusCode()).isEqualTo(202);
		long importId = this.json.readTree(accepted.body()).get("import").asLong();
		assertThat(repeated.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(repeated.body()).get("import").asLong()).isEqualTo(importId);
		assertThat(stranger.statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETED".equals(this.imports.summary(importId).orElseThrow().status()));
		ImportSummary summary = this.imports.summary(importId).orElseThrow();
		assertThat(List.of(summary.changed(), summary.removed())).containsExactly(1L, 0L);
		assertThat(
				this.jdbc.queryForList("SELECT title || ' ' || image_url || ' ' || (removed_at IS NULL) FROM product "
						+ "WHERE merchant_id = 'shop-hook' ORDER BY source_key", String.class))
			.containsExactly("Soy Candle https://cdn.shopify.com/s/files/1/candle-new.jpg true",
					"Lantern https://cdn.shopify.com/s/files/1/31.jpg true");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import WHERE merchant_id = 'shop-hook'",
				Long.class))
			.as("the forged, repeated and stranger deliveries imported nothing")
			.isEqualTo(2);

		byte[] deletion = "{\"id\":31}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> deleted = webhook(deletion, sign(deletion), shop, "delivery-3", "products/delete");

		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(deleted.body()).get("outcome").asString()).isEqualTo("REMOVED");
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM product WHERE merchant_id = 'shop-hook' " + "AND removed_at IS NOT NULL",
				String.class))
			.containsExactly("lantern");
	}

	@Test
	void shouldRefuseOversizedStaleAndReplayedDeliveriesWithoutImportingThem() throws Exception {
		String shop = connect("shop-probe", "token-probe");
		byte[] huge = new byte[3 * 1024 * 1024];

		HttpResponse<String> declared = webhook(huge, "bm90IHNpZ25lZA==", shop, "big-1");
		HttpResponse<String> chunked = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/shopify/products"))
				.header("X-Shopify-Hmac-SHA256", "bm90IHNpZ25lZA==")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(declared.statusCode()).as("refused on its Content-Length, unread").isEqualTo(413);
		assertThat(chunked.statusCode()).as("read up to the limit only").isEqualTo(413);
		assertThat(chunked.body()).contains("larger than the limit of 2 MB (p2p.shopify.webhook-max-size)");

		byte[] body = """
				{"id":50,"admin_graphql_api_id":"gid://shopify/Product/50","handle":"jar","title":"Jar",
				 "body_html":"","vendor":"","product_type":"","status":"active","tags":"",
				 "variants":[{"price":"3.00"}],"options":[],
				 "images":[{"id":7,"position":1,"src":"https://cdn.shopify.com/s/files/1/jar.jpg"}]}"""
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> first = webhook(body, sign(body), shop, "replay-1");
		HttpResponse<String> replayed = webhook(body, sign(body), shop, "replay-2");

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(replayed.body()).get("outcome").asString())
			.as("the signed body under another id is the same delivery")
			.isEqualTo("REPEATED");
		assertThat(this.json.readTree(replayed.body()).get("import").asLong())
			.isEqualTo(this.json.readTree(first.body()).get("import").asLong());

		byte[] old = new String(body, StandardCharsets.UTF_8).replace("\"Jar\"", "\"Old jar\"")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> stale = webhook(old, sign(old), shop, "old-1", "products/update",
				java.time.OffsetDateTime.now().minusHours(7).toString());

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(stale.body()).get("outcome").asString()).isEqualTo("STALE");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import WHERE merchant_id = 'shop-probe'",
				Long.class))
			.as("only the first delivery imported anything")
			.isOne();
	}

	@Test
	void shouldQueueAFailedDeliverysImportAgainWhenShopifyRetriesIt() throws Exception {
		String shop = connect("shop-retry", "token-retry");
		// no image: its import fails (a scene needs the product's photo)
		byte[] body = """
				{"id":40,"admin_graphql_api_id":"gid://shopify/Product/40","handle":"bare","title":"Bare",
				 "body_html":"","vendor":"","product_type":"","status":"active","tags":"",
				 "variants":[{"price":"1.00"}],"options":[],"images":[]}""".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> first = webhook(body, sign(body), shop, "retry-1");
		long importId = this.json.readTree(first.body()).get("import").asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> failedExecutions(importId) == 1);
		HttpResponse<String> retried = webhook(body, sign(body), shop, "retry-1");

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		assertThat(this.json.readTree(retried.body()).get("import").asLong()).isEqualTo(importId);
		await().atMost(Duration.ofSeconds(30)).until(() -> failedExecutions(importId) == 2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import WHERE merchant_id = 'shop-retry'",
				Long.class))
			.as("the same import, executed again")
			.isOne();
	}

	@Test
	void shouldReadTheShopAgainForTheNightlyRunAndGenerateFromWhatItHoldsNow() {
		connect("shop-nightly", "token-nightly");
		stubCount(1);
		shopify.stubFor(graphql("query Products", "token-nightly")
			.willReturn(data(page(false, "c1", product(7, "wool-scarf", "Wool Scarf", "30.0")))));
		assertThat(this.imports.startShopify("shop-nightly", "AUTO").status()).isEqualTo("COMPLETED");
		shopify.stubFor(graphql("query Products", "token-nightly")
			.willReturn(data(page(false, "c1", product(7, "wool-scarf", "Wool Scarf, Grey", "30.0")))));

		waitForAClosedWindow("shop-nightly");

		SubmittedRun run = this.queue.submitNightly("shop-nightly");
		SubmittedRun again = this.queue.submitNightly("shop-nightly");

		assertThat(run.status()).isEqualTo("WAITING_WINDOW");

		List<String> reads = this.jdbc.queryForList("""
				SELECT file_path FROM catalog_import WHERE merchant_id = 'shop-nightly' AND source = 'SHOPIFY'
				AND status = 'COMPLETED' ORDER BY id""", String.class);
		assertThat(reads).as("the first import, then one read of the shop per night").hasSize(3);
		assertThat(
				this.jdbc.queryForObject("SELECT title FROM product WHERE merchant_id = 'shop-nightly'", String.class))
			.as("the shop as it is tonight")
			.isEqualTo("Wool Scarf, Grey");
		assertThat(this.jdbc.queryForMap("SELECT kind, catalog_file FROM generation_run WHERE id = ?", run.id()))
			.containsEntry("kind", "NIGHTLY")
			.containsEntry("catalog_file", reads.get(1));
		assertThat(this.jdbc.queryForObject("SELECT catalog_file FROM generation_run WHERE id = ?", String.class,
				again.id()))
			.as("the second night read the shop again, not the first night's run")
			.isEqualTo(reads.get(2));
		shopify.verify(3, postRequestedFor(urlMatching(ENDPOINT)).withRequestBody(containing("query Products")));
	}

	@Test
	void shouldQueueNoNightlyRunWhenTheShopCannotBeRead() {
		connect("shop-gone", "token-gone");
		stubCount(1);
		shopify.stubFor(graphql("query Products", "token-gone")
			.willReturn(data(page(false, "c1", product(8, "lamp", "Lamp", "40.0")))));
		assertThat(this.imports.startShopify("shop-gone", "AUTO").status()).isEqualTo("COMPLETED");
		shopify.resetAll();
		shopify.stubFor(post(urlMatching(ENDPOINT)).willReturn(aResponse().withStatus(401)));

		assertThatThrownBy(() -> this.queue.submitNightly("shop-gone")).isInstanceOf(InvalidRunRequestException.class)
			.hasMessageContaining("the nightly sync of merchant shop-gone's Shopify shop failed")
			.hasMessageContaining("read_products");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM generation_run WHERE merchant_id = 'shop-gone' AND kind = 'NIGHTLY'", Long.class))
			.isZero();
	}

	@Test
	void shouldReadPageByPageWhenShopifyRefusesBulkOperationsSayItInTheReportAndTryBulkAgainNextTime() {
		connect("shop-nobulk", "token-nobulk");
		stubCount(2);
		shopify.stubFor(graphql("bulkOperationRunQuery", "token-nobulk")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"errors":[{"message":"Access denied for bulkOperationRunQuery field.",
					  "path":["bulkOperationRunQuery"],"extensions":{"code":"ACCESS_DENIED"}}],
					 "data":{"bulkOperationRunQuery":null}}""")));
		shopify.stubFor(graphql("query Products", "token-nobulk").willReturn(data(page(false, "c1",
				product(70, "sun-hat", "Sun Hat", "25.0"), product(71, "beach-towel", "Beach Towel", "19.0")))));

		ImportSummary first = this.imports.startShopify("shop-nobulk", "BULK");
		ImportSummary second = this.imports.startShopify("shop-nobulk", "BULK");

		assertThat(first.status()).isEqualTo("COMPLETED");
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.note()).startsWith("read page by page: Shopify refused the bulk operation")
			.contains("Allow bulk queries");
		assertThat(first.toJson()).containsEntry("note", first.note());
		assertThat(second.status()).isEqualTo("COMPLETED");
		shopify.verify(2, postRequestedFor(urlMatching(ENDPOINT)).withRequestBody(containing("bulkOperationRunQuery")));
	}

	@Test
	void shouldRefuseASnapshotShorterThanShopifysCountBeforeMarkingAnythingRemoved() {
		connect("shop-short", "token-short");
		stubCount(2);
		shopify.stubFor(graphql("query Products", "token-short").willReturn(data(page(false, "c1",
				product(80, "kettle", "Kettle", "45.0"), product(81, "toaster", "Toaster", "39.0")))));
		assertThat(this.imports.startShopify("shop-short", "PAGED").status()).isEqualTo("COMPLETED");
		shopify.stubFor(graphql("query Products", "token-short")
			.willReturn(data(page(false, "c1", product(80, "kettle", "Kettle", "45.0")))));

		ImportSummary shortRead = this.imports.startShopify("shop-short", "PAGED");

		assertThat(shortRead.status()).isEqualTo("FAILED");
		assertThat(shortRead.message())
			.endsWith("the paged read found 1 products but Shopify counts 2 (productsCount); "
					+ "the snapshot is not imported, so that no product is marked removed by a short read");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM product WHERE merchant_id = 'shop-short' AND removed_at IS NULL", Long.class))
			.isEqualTo(2);
	}

	@Test
	void shouldVerifyEachMerchantsDeliveriesWithItsOwnAppsSecretAndTheOneBeforeDuringARotation() throws Exception {
		System.setProperty("P2P_SHOPIFY_SECRET_ACME", "acme-secret-1");
		System.setProperty("P2P_SHOPIFY_SECRET_ACME_2", "acme-secret-2");
		System.setProperty(ShopifyProperties.tokenVariable("shop-acme"), "token-acme");
		String acme = this.connections.connect("shop-acme", shopify.baseUrl() + "/shop-acme", "acme-custom",
				"P2P_SHOPIFY_SECRET_ACME");
		String shared = connect("shop-shared", "token-shared");
		byte[] body = productUpdate(90, "Lamp", "active", null);

		assertThat(webhook(body, sign(body), acme, "acme-1").statusCode()).as("the shared app's secret").isEqualTo(401);
		assertThat(webhook(body, sign(body, "acme-secret-1"), acme, "acme-2").statusCode()).isEqualTo(202);
		assertThat(webhook(body, sign(body, "acme-secret-1"), shared, "shared-1").statusCode()).isEqualTo(401);
		byte[] other = productUpdate(91, "Rug", "active", null);
		assertThat(webhook(other, sign(other), shared, "shared-2").statusCode()).isEqualTo(202);

		this.connections.connect("shop-acme", acme, null, "P2P_SHOPIFY_SECRET_ACME_2");
		byte[] during = productUpdate(92, "Vase", "active", null);
		byte[] after = productUpdate(93, "Bowl", "active", null);

		assertThat(webhook(during, sign(during, "acme-secret-1"), acme, "acme-3").statusCode())
			.as("signed with the previous secret during the rotation")
			.isEqualTo(202);
		assertThat(webhook(during, sign(during, "acme-secret-2"), acme, "acme-4").statusCode())
			.as("the same body under another id: a repeat, whichever secret signed it")
			.isEqualTo(200);
		assertThat(this.connections.revokePreviousSecret("shop-acme")).isTrue();
		assertThat(webhook(after, sign(after, "acme-secret-1"), acme, "acme-5").statusCode()).isEqualTo(401);
		assertThat(webhook(after, sign(after, "acme-secret-2"), acme, "acme-6").statusCode()).isEqualTo(202);

		System.clearProperty("P2P_SHOPIFY_SECRET_ACME_2");
		HttpResponse<String> unset = webhook(after, sign(after, "acme-secret-2"), acme, "acme-7");
		assertThat(unset.statusCode()).isEqualTo(503);
		assertThat(unset.body())
			.contains("webhooks of app 'acme-custom' are off: its client secret is not set in the environment variable "
					+ "P2P_SHOPIFY_SECRET_ACME_2");
		assertThatThrownBy(() -> this.connections.connect("shop-acme", acme, null, "AWS_SECRET_ACCESS_KEY"))
			.isInstanceOf(InvalidImportRequestException.class)
			.hasMessage("webhook secret variable 'AWS_SECRET_ACCESS_KEY' is not of the form "
					+ "P2P_SHOPIFY_SECRET_<NAME> (capitals, digits and _)");
		assertThatThrownBy(() -> this.connections.connect("shop-acme", acme, null, "P2P_SHOPIFY_TOKEN_SHOP_ACME"))
			.as("a token is no signing key")
			.isInstanceOf(InvalidImportRequestException.class);
	}

	@Test
	void shouldIgnoreStaleAndReorderedDeliveriesAndNeverUndoADelete() throws Exception {
		String shop = connect("shop-order", "token-order");
		stubCount(1);
		shopify.stubFor(graphql("query Products", "token-order")
			.willReturn(data(page(false, "c1", product(60, "p-60", "Teapot", "30.0")))));
		assertThat(this.imports.startShopify("shop-order", "PAGED").status()).isEqualTo("COMPLETED");
		java.time.Instant now = java.time.Instant.now();
		byte[] newer = productUpdate(60, "Teapot, glazed", "active", now.plusSeconds(20));
		byte[] older = productUpdate(60, "Teapot, old", "active", now.plusSeconds(10));
		byte[] olderVersion = productUpdate(60, "Teapot, older version", "active", now.plusSeconds(5));
		byte[] beforeRead = productUpdate(60, "Teapot, before the read", "active", now.minusSeconds(120));

		HttpResponse<String> retried = webhook(beforeRead, sign(beforeRead), shop, "order-1", "products/update",
				now.minusSeconds(120).toString());
		HttpResponse<String> applied = webhook(newer, sign(newer), shop, "order-2", "products/update",
				now.plusSeconds(20).toString());
		HttpResponse<String> reordered = webhook(older, sign(older), shop, "order-3", "products/update",
				now.plusSeconds(10).toString());
		HttpResponse<String> oldPayload = webhook(olderVersion, sign(olderVersion), shop, "order-4", "products/update",
				now.plusSeconds(30).toString());

		assertThat(applied.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(reordered.body()).get("outcome").asString()).isEqualTo("STALE");
		assertThat(this.json.readTree(reordered.body()).get("message").asString())
			.contains("before the delivery already applied to product gid://shopify/Product/60");
		assertThat(this.json.readTree(oldPayload.body()).get("message").asString())
			.as("triggered later, but its payload's updated_at is older")
			.contains("before the version already applied");
		assertThat(this.json.readTree(retried.body()).get("message").asString())
			.contains("before the shop was read in full");
		long importId = this.json.readTree(applied.body()).get("import").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETED".equals(this.imports.summary(importId).orElseThrow().status()));

		byte[] deletion = "{\"id\":60}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> deleted = webhook(deletion, sign(deletion), shop, "order-5", "products/delete",
				now.plusSeconds(40).toString());
		byte[] beforeDelete = productUpdate(60, "Teapot, back again", "active", now.plusSeconds(35));
		HttpResponse<String> undo = webhook(beforeDelete, sign(beforeDelete), shop, "order-6", "products/update",
				now.plusSeconds(35).toString());

		assertThat(this.json.readTree(deleted.body()).get("outcome").asString()).isEqualTo("REMOVED");
		assertThat(this.json.readTree(undo.body()).get("outcome").asString()).isEqualTo("STALE");
		assertThat(this.json.readTree(undo.body()).get("message").asString())
			.contains("an update from before the delete does not bring it back");
		assertThat(this.jdbc.queryForObject(
				"SELECT title || ' ' || (removed_at IS NOT NULL) FROM product WHERE merchant_id = 'shop-order'",
				String.class))
			.isEqualTo("Teapot, glazed true");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM shopify_webhook_delivery WHERE webhook_id LIKE 'order-%'", Long.class))
			.as("every delivery recorded, the stale ones too")
			.isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import WHERE merchant_id = 'shop-order'",
				Long.class))
			.as("the read and the one delivery applied")
			.isEqualTo(2);
	}

	@Test
	void shouldMarkAProductRemovedWhenAWebhookMovesItToAStatusThatIsNotImported() throws Exception {
		String shop = connect("shop-draft", "token-draft");
		stubCount(1);
		shopify.stubFor(graphql("query Products", "token-draft")
			.willReturn(data(page(false, "c1", product(65, "stool", "Stool", "60.0")))));
		assertThat(this.imports.startShopify("shop-draft", "PAGED").status()).isEqualTo("COMPLETED");
		byte[] draft = productUpdate(65, "Stool", "draft", null);

		HttpResponse<String> answer = webhook(draft, sign(draft), shop, "draft-1");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(answer.body()).get("message").asString()).isEqualTo(
				"product gid://shopify/Product/65 marked removed: its status is now draft, which is not imported "
						+ "(p2p.shopify.statuses)");
		assertThat(this.jdbc.queryForObject(
				"SELECT removed_at IS NOT NULL FROM product WHERE merchant_id = 'shop-draft'", Boolean.class))
			.isTrue();
		shopify.verify(postRequestedFor(urlMatching(ENDPOINT)).withRequestBody(containing("productsCount"))
			.withRequestBody(matchingJsonPath("$.variables.query", equalTo("status:active"))));
	}

	/** A products/update payload in the REST Admin API's shape. */
	private static byte[] productUpdate(long id, String title, String status, java.time.Instant updatedAt) {
		return """
				{"id":%d,"admin_graphql_api_id":"gid://shopify/Product/%d","handle":"p-%d","title":"%s",
				 "body_html":"","vendor":"","product_type":"","status":"%s","tags":"",%s
				 "variants":[{"price":"5.00"}],"options":[],
				 "images":[{"id":%d,"position":1,"src":"https://cdn.shopify.com/s/files/1/%d.jpg"}]}"""
			.formatted(id, id, id, title, status,
					(updatedAt != null) ? "\"updated_at\":\"" + updatedAt.atOffset(ZoneOffset.ofHours(-5)) + "\"," : "",
					id, id)
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The merchant's nightly runs go to a pool whose only window opens in twelve hours,
	 * so that they wait there and the dispatcher of this test application leaves them
	 * alone.
	 */
	private void waitForAClosedWindow(String merchant) {
		LocalTime opens = LocalTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.MINUTES);
		String pool = merchant + "-pool";
		this.jdbc.update("INSERT INTO gpu_pool (name, time_zone) VALUES (?, 'UTC')", pool);
		this.jdbc.update("INSERT INTO generation_window (pool, opens, closes) VALUES (?, ?, ?)", pool, opens,
				opens.plusMinutes(1));
		this.jdbc.update("INSERT INTO merchant_schedule (merchant_id, cron, time_zone, pool) VALUES (?, ?, 'UTC', ?)",
				merchant, "0 0 3 * * ?", pool);
	}

	/** Connects the merchant to the fake shop, with its token in the environment. */
	private String connect(String merchant, String token) {
		System.setProperty(ShopifyProperties.tokenVariable(merchant), token);
		return this.connections.connect(merchant, shopify.baseUrl() + "/" + merchant);
	}

	private static void stubCount(int count) {
		shopify.stubFor(post(urlMatching(ENDPOINT)).withRequestBody(containing("productsCount"))
			.willReturn(data("{\"productsCount\":{\"count\":" + count + "}}")));
	}

	private static MappingBuilder graphql(String text, String token) {
		return post(urlMatching(ENDPOINT)).withHeader("X-Shopify-Access-Token", equalTo(token))
			.withRequestBody(containing(text));
	}

	private static ResponseDefinitionBuilder data(String data) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"data":%s,"extensions":{"cost":{"requestedQueryCost":12,"actualQueryCost":12,
					 "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1988,"restoreRate":100.0}}}}"""
				.formatted(data));
	}

	private static String page(boolean more, String cursor, String... products) {
		return "{\"products\":{\"pageInfo\":{\"hasNextPage\":" + more + ",\"endCursor\":\"" + cursor + "\"},\"nodes\":["
				+ String.join(",", products) + "]}}";
	}

	private static String product(long id, String handle, String title, String price) {
		return """
				{"id":"gid://shopify/Product/%d","handle":"%s","title":"%s","descriptionHtml":"<p>Made to last.</p>",
				 "vendor":"Northwind","productType":"Home","tags":["home"],"status":"ACTIVE","category":null,
				 "options":[{"name":"Color","optionValues":[{"name":"Sand"},{"name":"Sky"}]}],"variantsCount":{"count":2},
				 "priceRangeV2":{"minVariantPrice":{"amount":"%s","currencyCode":"USD"}},
				 "media":{"nodes":[{"id":"gid://shopify/MediaImage/%d","mediaContentType":"IMAGE",
				   "image":{"url":"https://cdn.shopify.com/s/files/1/%d.jpg"}}]}}"""
			.formatted(id, handle, title, price, id, id);
	}

	/** A product as one bulk result line: no media connection inside. */
	private JsonNode bulkProduct(String product) {
		tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) this.json
			.readTree(product);
		node.remove("media");
		return node;
	}

	private String line(String product) {
		return this.json.writeValueAsString(bulkProduct(product));
	}

	private static String media(long id) {
		return """
				{"id":"gid://shopify/MediaImage/%d","mediaContentType":"IMAGE","image":{"url":"https://cdn.shopify.com/s/files/1/%d.jpg"},"__parentId":"gid://shopify/Product/%d"}"""
			.formatted(id, id, id);
	}

	private static String bulkOperation(String id, String status, String url) {
		return """
				{"node":{"id":"%s","status":"%s","errorCode":null,"objectCount":"4","rootObjectCount":"2","url":%s}}"""
			.formatted(id, status, (url != null) ? "\"" + url + "\"" : "null");
	}

	private long failedExecutions(long importId) {
		return this.jdbc.queryForObject("""
				SELECT count(*) FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'import.id' AND p.parameter_value = ? AND e.status = 'FAILED'""", Long.class,
				Long.toString(importId));
	}

	private static String sign(byte[] body) {
		return sign(body, WEBHOOK_SECRET);
	}

	private static String sign(byte[] body, String secret) {
		return Base64.getEncoder().encodeToString(ShopifyWebhook.sign(body, secret));
	}

	private HttpResponse<String> webhook(byte[] body, String signature, String shop, String webhookId)
			throws Exception {
		return webhook(body, signature, shop, webhookId, "products/update");
	}

	private HttpResponse<String> webhook(byte[] body, String signature, String shop, String webhookId, String topic)
			throws Exception {
		return webhook(body, signature, shop, webhookId, topic, java.time.OffsetDateTime.now().toString());
	}

	private HttpResponse<String> webhook(byte[] body, String signature, String shop, String webhookId, String topic,
			String triggeredAt) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/shopify/products"))
				.header("Content-Type", "application/json")
				.header("X-Shopify-Triggered-At", triggeredAt)
				.header("X-Shopify-Hmac-SHA256", signature)
				.header("X-Shopify-Shop-Domain", shop)
				.header("X-Shopify-Topic", topic)
				.header("X-Shopify-Webhook-Id", webhookId)
				.header("X-Shopify-API-Version", "2025-10")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
