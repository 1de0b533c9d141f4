package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShopifySnapshotTest {

	@TempDir
	Path folder;

	@Test
	void shouldReadProductsWithTheirImagesFromTheLinesAfterThem() {
		Path file = resource("shopify-snapshot.jsonl");

		try (CatalogReader reader = CatalogReader.open(file, CatalogOptions.DETECT)) {
			assertThat(reader.format()).isEqualTo("shopify-api, JSONL snapshot");
		}
		List<CatalogProduct> products = Catalogs.products(file);
		assertThat(products).extracting(CatalogProduct::sourceKey)
			.containsExactly("linen-shirt", "ceramic-mug", "tote-bag");
		assertThat(products.get(0)).isEqualTo(new CatalogProduct(1, "linen-shirt", "gid://shopify/Product/101", null,
				"Linen Shirt", "Breathable linen, relaxed fit.", "Northwind", "Shirt",
				"Apparel & Accessories > Clothing > Shirts & Tops", List.of("summer", "linen"),
				"Color: Sand, Sky; Size: S, M", 4, new BigDecimal("45.0"),
				List.of("https://cdn.shopify.com/s/files/1/linen-front.jpg",
						"https://cdn.shopify.com/s/files/1/linen-back.jpg"),
				null));
		assertThat(products.get(1).options()).as("Shopify's Default Title is no option").isEmpty();
		assertThat(products.get(1).category()).isEmpty();
		assertThat(products.get(1).imageUrls()).containsExactly("https://cdn.shopify.com/s/files/1/mug.jpg");
		assertThat(products.get(2).price()).as("no price range given").isNull();
		assertThat(products.get(2).row()).isEqualTo(12);
	}

	@Test
	void shouldReportEachUnusableLineWithItsNumber() {
		// a product's own problem comes when the product is complete, after its media
		assertThat(Catalogs.problems(resource("shopify-snapshot.jsonl"))).extracting(RowProblem::message)
			.containsExactlyInAnyOrder(
					"row 7, column '__parentId': names 'gid://shopify/Product/777', which is not the product above "
							+ "this line; a snapshot lists each product's media right after it (a bulk operation run "
							+ "with groupObjects: true)",
					"row 8, column 'handle': is empty",
					"row 9: is not valid JSON: Unexpected end-of-input: was expecting closing quote for a string value",
					"row 10, column 'id': is 'gid://shopify/Collection/5', not a Shopify product id "
							+ "(gid://shopify/Product/N)");
	}

	@Test
	void shouldCountProductLinesAndProblemLinesAsRows() {
		try (CatalogReader reader = CatalogReader.open(resource("shopify-snapshot.jsonl"), CatalogOptions.DETECT)) {
			while (reader.next() != null) {
				// read to the end
			}
			assertThat(reader.rowsRead()).as("4 product lines, a stray medium, bad JSON, a collection").isEqualTo(7);
		}
	}

	@Test
	void shouldRefuseASnapshotThatIsNotUtf8() throws IOException {
		Path file = this.folder.resolve("latin1.jsonl");
		Files.write(file, "{\"id\":\"gid://shopify/Product/1\",\"handle\":\"caf\u00e9\"}\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		assertThatExceptionOfType(CatalogFormatException.class).isThrownBy(() -> Catalogs.products(file))
			.withMessage("Shopify snapshot " + file + " is not UTF-8 text near line 1");
	}

	@Test
	void shouldRefuseAMappingForASnapshot() throws IOException {
		Path file = resource("shopify-snapshot.jsonl");

		assertThatExceptionOfType(CatalogFormatException.class)
			.isThrownBy(() -> CatalogReader.open(file, new CatalogOptions(null, "Sheet1")))
			.withMessageContaining("is a Shopify product snapshot");
	}

	@Test
	void shouldSayAnEmptySnapshotIsEmpty() throws IOException {
		Path file = this.folder.resolve("empty.jsonl");
		Files.writeString(file, "\n\n");

		assertThatExceptionOfType(CatalogFormatException.class)
			.isThrownBy(() -> CatalogReader.check(file, CatalogOptions.DETECT))
			.withMessage("catalog " + file + " has a header but no product rows");
	}

	private static Path resource(String name) {
		try {
			return Path.of(ShopifySnapshotTest.class.getResource("/catalogs/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
