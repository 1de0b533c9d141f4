package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.CatalogReader;
import com.prompt2pixel.connectors.shopify.ShopifyProductExport.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShopifyProductExportTest {

	private static final String OPERATION = "gid://shopify/BulkOperation/720918";

	private final ShopifyFake shopify = new ShopifyFake();

	@TempDir
	Path folder;

	@AfterEach
	void stop() {
		this.shopify.close();
	}

	@Test
	void shouldReadASmallShopPageByPageIntoASnapshotTheCatalogReaderImports() throws IOException {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":3}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.withRequestBody(matchingJsonPath("$.variables.after", absent()))
			.willReturn(ShopifyFake.data(page(true, "cursor-2", product(101, "linen-shirt", "Linen Shirt", 2),
					product(102, "ceramic-mug", "Ceramic Mug", 1)), 287, 1713)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.withRequestBody(matchingJsonPath("$.variables.after", equalTo("cursor-2")))
			.willReturn(ShopifyFake.data(page(false, "cursor-3", product(103, "tote-bag", "Tote Bag", 1)), 287, 1426)));
		Path snapshot = this.folder.resolve("shopify-products.jsonl");

		ShopifyProductExport.Result result = export().export(snapshot, Mode.AUTO);

		assertThat(result).isEqualTo(new ShopifyProductExport.Result(Mode.PAGED, 3, 7, null));
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(matchingJsonPath("$.variables.first", equalTo("25")))
			.withRequestBody(matchingJsonPath("$.variables.media", equalTo("10")))
			.withRequestBody(matchingJsonPath("$.variables.query", equalTo("status:active"))));
		this.shopify.server
			.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("productsCount"))
				.withRequestBody(matchingJsonPath("$.variables.query", equalTo("status:active"))));
		List<CatalogProduct> products = read(snapshot);
		assertThat(products).extracting(CatalogProduct::sourceKey)
			.containsExactly("linen-shirt", "ceramic-mug", "tote-bag");
		assertThat(products.get(0).imageUrls()).containsExactly("https://cdn.shopify.com/s/files/1/101-1.jpg",
				"https://cdn.shopify.com/s/files/1/101-2.jpg");
		assertThat(products.get(0).description()).isEqualTo("Made to last.");
		assertThat(products.get(0).options()).isEqualTo("Color: Sand, Sky");
		assertThat(products.get(0).tags()).containsExactly("summer");
		assertThat(products.get(0).price()).isEqualByComparingTo("19.5");
		assertThat(products.get(0).variantCount()).isEqualTo(2);
	}

	@Test
	void shouldRunABulkOperationThroughItsWholeLifecycleForALargeShop() throws IOException {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":48210}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.withRequestBody(matchingJsonPath("$.variables.query", containing("media { edges { node {")))
			.withRequestBody(matchingJsonPath("$.variables.query", containing("products(query: \"status:active\")")))
			.willReturn(ShopifyFake.data("""
					{"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED"},"userErrors":[]}}"""
				.formatted(OPERATION), 10, 1990)));
		pollAnswers(operation("CREATED", null, 0), operation("RUNNING", null, 1200),
				operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/result.jsonl?sig=abc", 3));
		String jsonl = bulkLines();
		this.shopify.server.stubFor(get(urlEqualTo("/bulk/result.jsonl?sig=abc"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/jsonl").withBody(jsonl)));
		Path snapshot = this.folder.resolve("shopify-products.jsonl");

		ShopifyProductExport.Result exported = export().export(snapshot, Mode.AUTO);

		assertThat(exported).isEqualTo(new ShopifyProductExport.Result(Mode.BULK, 2, 4, null));
		assertThat(Files.readString(snapshot)).isEqualTo(jsonl);
		this.shopify.server.verify(getRequestedFor(urlEqualTo("/bulk/result.jsonl?sig=abc"))
			.withHeader("X-Shopify-Access-Token", absent()));
		assertThat(this.shopify.pauses).as("two polls found it unfinished")
			.containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
		assertThat(read(snapshot)).extracting(CatalogProduct::sourceKey).containsExactly("desk-lamp", "floor-lamp");
	}

	@Test
	void shouldSayWhyABulkOperationFailed() {
		stubStarted();
		pollAnswers(operation("RUNNING", null, 10), """
				{"node":{"id":"%s","status":"FAILED","errorCode":"TIMEOUT","objectCount":"10",
				 "rootObjectCount":"4","url":null}}""".formatted(OPERATION));
		Path snapshot = this.folder.resolve("shopify-products.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.BULK))
			.withMessage("bulk operation " + OPERATION + " of shop " + this.shopify.server.baseUrl()
					+ " ended FAILED (TIMEOUT)");
		assertThat(snapshot).as("no half snapshot").doesNotExist();
	}

	@Test
	void shouldStartABulkOperationAgainThatFailedWithShopifysIntermittentInternalServerError() throws IOException {
		stubStarted();
		pollAnswers("""
				{"node":{"id":"%s","status":"FAILED","errorCode":"INTERNAL_SERVER_ERROR","objectCount":"10",
				 "rootObjectCount":"4","url":null}}""".formatted(OPERATION),
				operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/again.jsonl", 4));
		this.shopify.server.stubFor(get(urlEqualTo("/bulk/again.jsonl")).willReturn(aResponse().withBody(bulkLines())));

		ShopifyProductExport.Result result = export().export(this.folder.resolve("s.jsonl"), Mode.BULK);

		assertThat(result.products()).isEqualTo(2);
		this.shopify.server.verify(2, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(containing("bulkOperationRunQuery")));
	}

	@Test
	void shouldGiveUpOnABulkOperationThatKeepsFailingWithInternalServerError() {
		stubStarted();
		pollAnswers("""
				{"node":{"id":"%s","status":"FAILED","errorCode":"INTERNAL_SERVER_ERROR","objectCount":"0",
				 "rootObjectCount":"0","url":null}}""".formatted(OPERATION));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> export().export(this.folder.resolve("s.jsonl"), Mode.BULK))
			.withMessageEndingWith("ended FAILED (INTERNAL_SERVER_ERROR) after 3 attempts");
		assertThat(this.shopify.pauses).as("a poll interval before each restart, doubled")
			.containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
		this.shopify.server.verify(3, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(containing("bulkOperationRunQuery")));
	}

	@Test
	void shouldAdoptTheBulkOperationAlreadyRunningTheSameQuery() throws IOException {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery").willReturn(inProgress()));
		stubCurrent(OPERATION, "RUNNING", ShopifyBulkRead.query(settings()));
		pollAnswers(operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/adopted.jsonl", 4));
		this.shopify.server
			.stubFor(get(urlEqualTo("/bulk/adopted.jsonl")).willReturn(aResponse().withBody(bulkLines())));

		ShopifyProductExport.Result result = export().export(this.folder.resolve("s.jsonl"), Mode.BULK);

		assertThat(result.products()).isEqualTo(2);
		this.shopify.server.verify(1, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(containing("bulkOperationRunQuery")));
		this.shopify.server.verify(0,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("bulkOperationCancel")));
	}

	@Test
	void shouldCancelARunningBulkOperationOfAnotherQueryBeforeStartingItsOwn() throws IOException {
		String other = "gid://shopify/BulkOperation/555";
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.inScenario("start")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(inProgress())
			.willSetStateTo("free"));
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.inScenario("start")
			.whenScenarioStateIs("free")
			.willReturn(ShopifyFake.data(started(OPERATION), 10, 1990)));
		stubCurrent(other, "RUNNING", "{ orders { edges { node { id } } } }");
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationCancel")
			.withRequestBody(matchingJsonPath("$.variables.id", equalTo(other)))
			.willReturn(ShopifyFake.data("""
					{"bulkOperationCancel":{"bulkOperation":{"id":"%s","status":"CANCELING"},"userErrors":[]}}"""
				.formatted(other), 10, 1990)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query BulkOperation")
			.withRequestBody(matchingJsonPath("$.variables.id", equalTo(other)))
			.willReturn(ShopifyFake.data("""
					{"node":{"id":"%s","status":"CANCELED","errorCode":null,"objectCount":"0","rootObjectCount":"0",
					 "url":null}}""".formatted(other), 1, 1999)));
		pollAnswers(operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/own.jsonl", 4));
		this.shopify.server.stubFor(get(urlEqualTo("/bulk/own.jsonl")).willReturn(aResponse().withBody(bulkLines())));

		ShopifyProductExport.Result result = export().export(this.folder.resolve("s.jsonl"), Mode.BULK);

		assertThat(result.products()).isEqualTo(2);
		this.shopify.server.verify(1,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("bulkOperationCancel")));
	}

	@Test
	void shouldLookForTheOperationAStartWithoutAnAnswerMayHaveStartedBeforeStartingAnother() throws IOException {
		this.shopify.server
			.stubFor(ShopifyFake.graphql("bulkOperationRunQuery").willReturn(aResponse().withStatus(502)));
		stubCurrent(OPERATION, "CREATED", ShopifyBulkRead.query(settings()));
		pollAnswers(operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/late.jsonl", 4));
		this.shopify.server.stubFor(get(urlEqualTo("/bulk/late.jsonl")).willReturn(aResponse().withBody(bulkLines())));

		ShopifyProductExport.Result result = export().export(this.folder.resolve("s.jsonl"), Mode.BULK);

		assertThat(result.products()).isEqualTo(2);
		this.shopify.server.verify(1, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(containing("bulkOperationRunQuery")));
	}

	@Test
	void shouldReadPageByPageWhenShopifyRefusesBulkOperationsAndSaySo() throws IOException {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":2}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.willReturn(ShopifyFake
				.json("""
						{"errors":[{"message":"Access denied for bulkOperationRunQuery field.","locations":[{"line":2,"column":3}],
						  "path":["bulkOperationRunQuery"],"extensions":{"code":"ACCESS_DENIED",
						  "documentation":"https://shopify.dev/api/usage/access-scopes"}}],
						 "data":{"bulkOperationRunQuery":null}}""")));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.willReturn(ShopifyFake.data(page(false, "c1", product(101, "linen-shirt", "Linen Shirt", 1),
					product(102, "ceramic-mug", "Ceramic Mug", 1)), 287, 1713)));

		ShopifyProductExport.Result result = new ShopifyProductExport(this.shopify.client(),
				ShopifyReadSettings.of(2, Duration.ofMillis(10), Duration.ofMinutes(5)), this.shopify.pause)
			.export(this.folder.resolve("s.jsonl"), Mode.AUTO);

		assertThat(result.mode()).isEqualTo(Mode.PAGED);
		assertThat(result.products()).isEqualTo(2);
		assertThat(result.note()).startsWith("read page by page: Shopify refused the bulk operation (")
			.contains("Access denied for bulkOperationRunQuery field.")
			.contains("Partner Dashboard (Apps → the app → API access requests → Allow bulk queries)");
	}

	@Test
	void shouldRefuseABulkOperationCompletedWithoutAUrlAlthoughItCountedObjects() {
		stubStarted();
		pollAnswers("""
				{"node":{"id":"%s","status":"COMPLETED","errorCode":null,"objectCount":"9","rootObjectCount":"3",
				 "url":null}}""".formatted(OPERATION));
		Path snapshot = this.folder.resolve("s.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.BULK))
			.withMessage("bulk operation " + OPERATION + " of shop " + this.shopify.server.baseUrl()
					+ " completed without a result URL although Shopify counted 9 objects (3 products); Shopify's "
					+ "answer contradicts itself, so nothing is imported: try again later");
		assertThat(snapshot).doesNotExist();
	}

	@Test
	void shouldRefuseAnEmptyBulkResultWhileShopifyCountsProducts() {
		stubStarted();
		pollAnswers(operation("COMPLETED", null, 0));
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":4}}", 1, 1999)));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> export().export(this.folder.resolve("s.jsonl"), Mode.BULK))
			.withMessageContaining("completed without a result, but Shopify counts 4 products (productsCount)");
	}

	@Test
	void shouldSayInShopifysTermsThatAShopHasNoProducts() {
		stubStarted();
		pollAnswers(operation("COMPLETED", null, 0));
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":0}}", 1, 1999)));
		Path snapshot = this.folder.resolve("s.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.BULK))
			.withMessage("shop " + this.shopify.server.baseUrl() + " has no products with status active (Shopify "
					+ "counts 0); nothing to import: the statuses imported are set by p2p.shopify.statuses");
		assertThat(snapshot).doesNotExist();
	}

	@Test
	void shouldRefuseABulkResultWithFewerProductsThanShopifyCounted() {
		stubStarted();
		pollAnswers("""
				{"node":{"id":"%s","status":"COMPLETED","errorCode":null,"objectCount":"6","rootObjectCount":"3",
				 "url":"%s"}}""".formatted(OPERATION, this.shopify.server.baseUrl() + "/bulk/short.jsonl"));
		this.shopify.server.stubFor(get(urlEqualTo("/bulk/short.jsonl")).willReturn(aResponse().withBody(bulkLines())));
		Path snapshot = this.folder.resolve("s.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.BULK))
			.withMessageContaining("its result holds 2 products but Shopify counted 3 (rootObjectCount)");
		assertThat(snapshot).doesNotExist();
	}

	@Test
	void shouldRefuseAPagedReadShorterThanShopifysCount() {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":3}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.willReturn(ShopifyFake.data(page(false, "c1", product(101, "linen-shirt", "Linen Shirt", 1),
					product(102, "ceramic-mug", "Ceramic Mug", 1)), 287, 1713)));
		Path snapshot = this.folder.resolve("s.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.PAGED))
			.withMessage("shop " + this.shopify.server.baseUrl() + ": the paged read found 2 products but Shopify "
					+ "counts 3 (productsCount); the snapshot is not imported, so that no product is marked removed "
					+ "by a short read");
		assertThat(snapshot).doesNotExist();
	}

	@Test
	void shouldAcceptAPagedReadThatProductsDeletedMeanwhileMadeShort() {
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.inScenario("count")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":3}}", 1, 1999))
			.willSetStateTo("deleted"));
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.inScenario("count")
			.whenScenarioStateIs("deleted")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":2}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.willReturn(ShopifyFake.data(page(false, "c1", product(101, "linen-shirt", "Linen Shirt", 1),
					product(102, "ceramic-mug", "Ceramic Mug", 1)), 287, 1713)));

		assertThat(export().export(this.folder.resolve("s.jsonl"), Mode.PAGED).products()).isEqualTo(2);
	}

	@Test
	void shouldTakeTheSameMediaAndOptionsWhicheverWayTheShopIsRead() throws IOException {
		// twelve media, the second still processing (image: null), and an option value
		// whose variants were all deleted
		List<String> media = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			media.add((i == 2) ? """
					{"id":"gid://shopify/MediaImage/2","mediaContentType":"IMAGE","image":null}"""
					: """
							{"id":"gid://shopify/MediaImage/%d","mediaContentType":"IMAGE","image":{"url":"https://cdn.shopify.com/%d.jpg"}}"""
						.formatted(i, i));
		}
		String product = """
				{"id":"gid://shopify/Product/7","handle":"vase","title":"Vase","descriptionHtml":"","vendor":"","productType":"",
				 "tags":[],"status":"ACTIVE","category":null,"variantsCount":{"count":2},"priceRangeV2":null,
				 "options":[{"name":"Color","optionValues":[{"name":"Sand","hasVariants":true},
				   {"name":"Sky","hasVariants":false},{"name":"Clay","hasVariants":true}]}]""";
		this.shopify.server.stubFor(ShopifyFake.graphql("productsCount")
			.willReturn(ShopifyFake.data("{\"productsCount\":{\"count\":1}}", 1, 1999)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query Products")
			.withRequestBody(matchingJsonPath("$.variables.media", equalTo("10")))
			.willReturn(ShopifyFake.data("""
					{"products":{"pageInfo":{"hasNextPage":false,"endCursor":"c1"},"nodes":[%s,
					 "media":{"nodes":[%s]}}]}}""".formatted(product, String.join(",", media.subList(0, 10))), 30,
					1900)));
		StringBuilder bulk = new StringBuilder(product.replace("\n", "")).append("}\n");
		media.forEach((medium) -> bulk.append(medium, 0, medium.length() - 1)
			.append(",\"__parentId\":\"gid://shopify/Product/7\"}\n"));
		stubStarted();
		pollAnswers(operation("COMPLETED", this.shopify.server.baseUrl() + "/bulk/media.jsonl", 1));
		this.shopify.server
			.stubFor(get(urlEqualTo("/bulk/media.jsonl")).willReturn(aResponse().withBody(bulk.toString())));
		Path paged = this.folder.resolve("paged.jsonl");
		Path bulked = this.folder.resolve("bulk.jsonl");

		export().export(paged, Mode.PAGED);
		export().export(bulked, Mode.BULK);

		CatalogProduct byPage = read(paged).get(0);
		CatalogProduct byBulk = read(bulked).get(0);
		assertThat(byBulk).usingRecursiveComparison().isEqualTo(byPage);
		assertThat(byPage.imageUrls()).hasSize(9)
			.startsWith("https://cdn.shopify.com/1.jpg", "https://cdn.shopify.com/3.jpg");
		assertThat(byPage.options()).isEqualTo("Color: Sand, Clay");
	}

	private ShopifyProductExport export() {
		return new ShopifyProductExport(this.shopify.client(), settings(), this.shopify.pause);
	}

	private static ShopifyReadSettings settings() {
		return ShopifyReadSettings.of(2000, Duration.ofMillis(10), Duration.ofMinutes(5));
	}

	private void stubStarted() {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.willReturn(ShopifyFake.data(started(OPERATION), 10, 1990)));
	}

	private static String started(String id) {
		return """
				{"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED"},"userErrors":[]}}"""
			.formatted(id);
	}

	/** Shopify's answer while the app's bulk query operation of the shop runs. */
	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder inProgress() {
		return ShopifyFake.data("""
				{"bulkOperationRunQuery":{"bulkOperation":null,"userErrors":[{"field":null,
				 "message":"A bulk query operation for this app and shop is already in progress: %s.",
				 "code":"OPERATION_IN_PROGRESS"}]}}""".formatted(OPERATION), 10, 1990);
	}

	private void stubCurrent(String id, String status, String query) {
		this.shopify.server.stubFor(ShopifyFake.graphql("currentBulkOperation").willReturn(ShopifyFake.data("""
				{"currentBulkOperation":{"id":"%s","status":"%s","query":%s,"errorCode":null,"objectCount":"0",
				 "rootObjectCount":"0","url":null}}""".formatted(id, status, quoted(query)), 1, 1999)));
	}

	private static String quoted(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}

	/** The poll answers, one after the other; the last one stays. */
	private void pollAnswers(String... nodes) {
		String state = Scenario.STARTED;
		for (int i = 0; i < nodes.length; i++) {
			String next = (i + 1 < nodes.length) ? "poll-" + (i + 1) : state;
			this.shopify.server.stubFor(ShopifyFake.graphql("query BulkOperation")
				.withRequestBody(matchingJsonPath("$.variables.id", equalTo(OPERATION)))
				.inScenario("bulk")
				.whenScenarioStateIs(state)
				.willReturn(ShopifyFake.data(nodes[i], 1, 1999))
				.willSetStateTo(next));
			state = next;
		}
	}

	private static String operation(String status, String url, int objects) {
		return """
				{"node":{"id":"%s","status":"%s","errorCode":null,"objectCount":"%d","rootObjectCount":"%d","url":%s}}"""
			.formatted(OPERATION, status, objects, Math.min(objects, 2), (url != null) ? "\"" + url + "\"" : "null");
	}

	/** A bulk operation's result: grouped, each product's media after it. */
	private static String bulkLines() {
		return """
				{"id":"gid://shopify/Product/201","handle":"desk-lamp","title":"Desk Lamp","descriptionHtml":"","vendor":"Lumen","productType":"Lamp","tags":[],"status":"ACTIVE","category":null,"options":[],"variantsCount":{"count":1},"priceRangeV2":{"minVariantPrice":{"amount":"49.0","currencyCode":"EUR"}}}
				{"id":"gid://shopify/MediaImage/1","mediaContentType":"IMAGE","image":{"url":"https://cdn.shopify.com/s/files/1/desk.jpg"},"__parentId":"gid://shopify/Product/201"}
				{"id":"gid://shopify/Product/202","handle":"floor-lamp","title":"Floor Lamp","descriptionHtml":"","vendor":"Lumen","productType":"Lamp","tags":[],"status":"ACTIVE","category":null,"options":[],"variantsCount":{"count":1},"priceRangeV2":{"minVariantPrice":{"amount":"129.0","currencyCode":"EUR"}}}
				{"id":"gid://shopify/MediaImage/2","mediaContentType":"IMAGE","image":{"url":"https://cdn.shopify.com/s/files/1/floor.jpg"},"__parentId":"gid://shopify/Product/202"}
				""";
	}

	private static String page(boolean more, String cursor, String... products) {
		return """
				{"products":{"pageInfo":{"hasNextPage":%s,"endCursor":"%s"},"nodes":[%s]}}""".formatted(more, cursor,
				String.join(",", products));
	}

	private static String product(long id, String handle, String title, int images) {
		List<String> media = new ArrayList<>();
		for (int i = 1; i <= images; i++) {
			media
				.add("""
						{"id":"gid://shopify/MediaImage/%d%d","mediaContentType":"IMAGE","image":{"url":"https://cdn.shopify.com/s/files/1/%d-%d.jpg"}}"""
					.formatted(id, i, id, i));
		}
		return """
				{"id":"gid://shopify/Product/%d","handle":"%s","title":"%s","descriptionHtml":"<p>Made to last.</p>",
				 "vendor":"Northwind","productType":"Shirt","tags":["summer"],"status":"ACTIVE","category":null,
				 "options":[{"name":"Color","optionValues":[{"name":"Sand"},{"name":"Sky"}]}],"variantsCount":{"count":2},
				 "priceRangeV2":{"minVariantPrice":{"amount":"19.5","currencyCode":"USD"}},
				 "media":{"nodes":[%s]}}"""
			.formatted(id, handle, title, String.join(",", media));
	}

	private static List<CatalogProduct> read(Path snapshot) {
		List<CatalogProduct> products = new ArrayList<>();
		try (CatalogReader reader = CatalogReader.open(snapshot, CatalogOptions.DETECT)) {
			for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
				assertThat(entry.problem()).isNull();
				products.add(entry.product());
			}
		}
		return products;
	}

}
