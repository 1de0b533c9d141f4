package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformExportTest {

	@Test
	void shouldAssembleAShopifyProductFromItsVariantAndImageRows() {
		Path file = resource("shopify-export.csv");

		try (CatalogReader reader = CatalogReader.open(file, CatalogOptions.DETECT)) {
			assertThat(reader.format()).isEqualTo("shopify, CSV (UTF-8, ',')");
		}
		List<CatalogProduct> products = Catalogs.products(file);
		assertThat(products).extracting(CatalogProduct::sourceKey)
			.containsExactly("linen-shirt", "ceramic-mug", "broken-price");
		assertThat(products.get(0))
			.isEqualTo(new CatalogProduct(2, "linen-shirt", null, null, "Linen Shirt", "Breathable linen, relaxed fit.",
					"Northwind", "Shirt", "Apparel & Accessories > Clothing > Shirts & Tops",
					List.of("summer", "linen"), "Color: Sand, Sky; Size: S, M", 3, new BigDecimal("45.00"),
					List.of("https://cdn.shopify.com/s/files/1/linen-front.jpg",
							"https://cdn.shopify.com/s/files/1/linen-back.jpg",
							"https://cdn.shopify.com/s/files/1/linen-detail.jpg",
							"https://cdn.shopify.com/s/files/1/linen-sand.jpg",
							"https://cdn.shopify.com/s/files/1/linen-sky.jpg"),
					null));
		assertThat(products.get(1).options()).as("Shopify's Default Title is no option").isEmpty();
		assertThat(products.get(1).variantCount()).isEqualTo(1);
		assertThat(products.get(1).price()).isEqualByComparingTo("1299");
		assertThat(products.get(2).variantCount()).as("the variant with a bad price is skipped").isEqualTo(1);
	}

	@Test
	void shouldReportEachBadShopifyRowWithItsNumber() {
		assertThat(Catalogs.problems(resource("shopify-export.csv"))).extracting(RowProblem::message)
			.containsExactly("row 8, column 'Variant Price': 'twelve' is not a price; this variant was skipped",
					"row 9, column 'Handle': is empty",
					"row 10, column 'Title': is empty on the first row of product 'no-title'");
	}

	@Test
	void shouldReadWooCommerceProductsAndTheirVariationsWhereverTheyStand() {
		Path file = resource("woocommerce-export.csv");

		List<CatalogProduct> entries = Catalogs.products(file);

		assertThat(entries).extracting(CatalogProduct::sourceKey)
			.containsExactly("hoodie", "beanie", "hoodie-blue-s", "hoodie-green-m");
		assertThat(entries.get(0))
			.isEqualTo(new CatalogProduct(2, "hoodie", "id:10", null, "Hoodie", "Organic cotton hoodie.", "", "",
					"Clothing > Hoodies", List.of("winter"), "Color: Blue, Green; Size: S, M", 1, null,
					List.of("https://shop.example/wp-content/uploads/hoodie-1.jpg",
							"https://shop.example/wp-content/uploads/hoodie-2.jpg"),
					null));
		assertThat(entries.get(1).description()).as("the short description stands in").isEqualTo("Knitted beanie");
		assertThat(entries.get(1).price()).isEqualByComparingTo("18");
		assertThat(entries.get(1).sizeCm()).as("the largest of Length, Width and Height (cm)").isEqualTo(24.0);
		assertThat(entries.get(2).parentKey()).isEqualTo("id:10");
		assertThat(entries.get(2).imageUrls())
			.containsExactly("https://shop.example/wp-content/uploads/hoodie-blue.jpg");
		assertThat(entries.get(3).parentKey()).as("a parent named by SKU").isEqualTo("hoodie");
		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly("row 6, column 'Parent': is empty for a variation");
	}

	static Path resource(String name) {
		try {
			return Path.of(PlatformExportTest.class.getResource("/catalogs/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
