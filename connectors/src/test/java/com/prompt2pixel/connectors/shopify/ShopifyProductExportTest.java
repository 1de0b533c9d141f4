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

		assertThat(result).isEqualTo(new ShopifyProductExport.Result(Mode.PAGED, 3, 7));
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(matchingJsonPath("$.variables.first", equalTo("25"))));
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

		assertThat(exported).isEqualTo(new ShopifyProductExport.Result(Mode.BULK, 2, 4));
		assertThat(Files.readString(snapshot)).isEqualTo(jsonl);
		this.shopify.server.verify(getRequestedFor(urlEqualTo("/bulk/result.jsonl?sig=abc"))
			.withHeader("X-Shopify-Access-Token", absent()));
		assertThat(this.shopify.pauses).as("two polls found it unfinished")
			.containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
		assertThat(read(snapshot)).extracting(CatalogProduct::sourceKey).containsExactly("desk-lamp", "floor-lamp");
	}

	@Test
	void shouldSayWhyABulkOperationFailed() {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.willReturn(ShopifyFake.data("""
					{"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED"},"userErrors":[]}}"""
				.formatted(OPERATION), 10, 1990)));
		pollAnswers(operation("RUNNING", null, 10), """
				{"node":{"id":"%s","status":"FAILED","errorCode":"INTERNAL_SERVER_ERROR","objectCount":"10",
				 "rootObjectCount":"4","url":null}}""".formatted(OPERATION));
		Path snapshot = this.folder.resolve("shopify-products.jsonl");

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> export().export(snapshot, Mode.BULK))
			.withMessage("bulk operation " + OPERATION + " of shop " + this.shopify.server.baseUrl()
					+ " ended FAILED (INTERNAL_SERVER_ERROR)");
		assertThat(snapshot).as("no half snapshot").doesNotExist();
	}

	@Test
	void shouldSayWhenABulkOperationIsAlreadyRunning() {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery").willReturn(ShopifyFake.data("""
				{"bulkOperationRunQuery":{"bulkOperation":null,"userErrors":[{"field":null,
				 "message":"A bulk query operation for this app and shop is already in progress: %s.",
				 "code":"OPERATION_IN_PROGRESS"}]}}""".formatted(OPERATION), 10, 1990)));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(() -> export().export(this.folder.resolve("s.jsonl"), Mode.BULK))
			.withMessageEndingWith("did not start the bulk operation: A bulk query operation for this app and shop "
					+ "is already in progress: " + OPERATION + ".");
	}

	@Test
	void shouldWriteAnEmptySnapshotForAShopWithoutProducts() throws IOException {
		this.shopify.server.stubFor(ShopifyFake.graphql("bulkOperationRunQuery")
			.willReturn(ShopifyFake.data("""
					{"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED"},"userErrors":[]}}"""
				.formatted(OPERATION), 10, 1990)));
		pollAnswers(operation("COMPLETED", null, 0));
		Path snapshot = this.folder.resolve("shopify-products.jsonl");

		assertThat(export().export(snapshot, Mode.BULK).products()).isZero();
		assertThat(snapshot).isEmptyFile();
	}

	private ShopifyProductExport export() {
		return new ShopifyProductExport(this.shopify.client(), 2000, Duration.ofMillis(10), Duration.ofMinutes(5),
				this.shopify.pause);
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
