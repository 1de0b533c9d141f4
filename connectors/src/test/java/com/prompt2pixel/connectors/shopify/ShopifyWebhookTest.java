package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.CatalogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShopifyWebhookTest {

	/**
	 * A products/update payload as Shopify documents it, trimmed to what matters here.
	 */
	static final String PAYLOAD = """
			{"admin_graphql_api_id":"gid://shopify/Product/788032119674292922","body_html":"<p>An example T-Shirt</p>",
			 "created_at":null,"handle":"example-t-shirt","id":788032119674292922,"product_type":"Shirts",
			 "published_at":"2021-12-31T19:00:00-05:00","template_suffix":null,"title":"Example T-Shirt",
			 "updated_at":"2021-12-31T19:00:00-05:00","vendor":"Acme","status":"active","published_scope":"web",
			 "tags":"example, mens, t-shirt",
			 "variants":[{"admin_graphql_api_id":"gid://shopify/ProductVariant/642667041472713922","price":"19.99",
			   "sku":"example-shirt-s","title":"Small","position":0},
			  {"admin_graphql_api_id":"gid://shopify/ProductVariant/757650484644203962","price":"17.99",
			   "sku":"example-shirt-m","title":"Medium","position":0}],
			 "options":[{"name":"Title","values":["Small","Medium"],"position":1}],
			 "images":[{"id":2,"position":2,"src":"https://cdn.shopify.com/s/files/1/back.jpg",
			   "admin_graphql_api_id":"gid://shopify/ProductImage/2"},
			  {"id":1,"position":1,"src":"https://cdn.shopify.com/s/files/1/front.jpg",
			   "admin_graphql_api_id":"gid://shopify/ProductImage/1"}],
			 "image":null,"media":[],"variant_gids":[]}""";

	@TempDir
	Path folder;

	@Test
	void shouldAcceptOnlyTheSignatureOfTheExactBodyUnderTheSecret() {
		byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
		String signature = Base64.getEncoder().encodeToString(ShopifyWebhook.sign(body, "app-secret"));

		assertThat(ShopifyWebhook.verify(body, signature, "app-secret")).isTrue();
		assertThat(ShopifyWebhook.verify(body, signature, "other-secret")).isFalse();
		assertThat(ShopifyWebhook.verify((PAYLOAD + " ").getBytes(StandardCharsets.UTF_8), signature, "app-secret"))
			.isFalse();
		assertThat(ShopifyWebhook.verify(body, "not base64!", "app-secret")).isFalse();
		assertThat(ShopifyWebhook.verify(body, null, "app-secret")).isFalse();
		assertThat(ShopifyWebhook.verify(body, signature, "")).as("no secret, no trust").isFalse();
	}

	@Test
	void shouldTurnThePayloadIntoASnapshotOfOneProduct() throws IOException {
		Path snapshot = this.folder.resolve("webhook.jsonl");
		Files.writeString(snapshot, ShopifyWebhook.toSnapshot(PAYLOAD.getBytes(StandardCharsets.UTF_8)));

		List<CatalogProduct> products;
		try (CatalogReader reader = CatalogReader.open(snapshot, CatalogOptions.DETECT)) {
			CatalogEntry entry = reader.next();
			products = List.of(entry.product());
			assertThat(reader.next()).isNull();
		}
		CatalogProduct product = products.get(0);
		assertThat(product.sourceKey()).isEqualTo("example-t-shirt");
		assertThat(product.altKey()).isEqualTo("gid://shopify/Product/788032119674292922");
		assertThat(product.title()).isEqualTo("Example T-Shirt");
		assertThat(product.description()).isEqualTo("An example T-Shirt");
		assertThat(product.tags()).containsExactly("example", "mens", "t-shirt");
		assertThat(product.options()).isEqualTo("Title: Small, Medium");
		assertThat(product.variantCount()).isEqualTo(2);
		assertThat(product.price()).isEqualByComparingTo("17.99");
		assertThat(product.imageUrls()).as("in position order")
			.containsExactly("https://cdn.shopify.com/s/files/1/front.jpg",
					"https://cdn.shopify.com/s/files/1/back.jpg");
	}

	@Test
	void shouldNameTheProductADeletionIsAbout() {
		assertThat(ShopifyWebhook.deletedProduct("{\"id\":788032119674292922}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("gid://shopify/Product/788032119674292922");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShopifyWebhook.deletedProduct("{}".getBytes(StandardCharsets.UTF_8)))
			.withMessage("the webhook's body names no product: it has no numeric id");
	}

	@Test
	void shouldRefuseABodyThatIsNoProduct() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShopifyWebhook.toSnapshot("{\"order_id\": 5}".getBytes(StandardCharsets.UTF_8)))
			.withMessage("the webhook's body is not a product: it has no numeric id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShopifyWebhook.toSnapshot("<xml/>".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("the webhook's body is not JSON");
	}

}
