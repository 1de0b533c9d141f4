package com.prompt2pixel.publish;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.prompt2pixel.connectors.shopify.Pause;
import com.prompt2pixel.connectors.shopify.ShopifyClient;
import com.prompt2pixel.connectors.shopify.ShopifyMediaPublisher;
import com.prompt2pixel.connectors.shopify.ShopifyShop;
import com.prompt2pixel.support.ShopifyMediaFake;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate the Shopify Admin API's cost budget allows publishing at: the calls
 * {@code publishToTargetsStep} makes for each image on its first attempt (the product's
 * snapshot once, then the staged upload, the attach, and for a primary target the move; a
 * retry searches the product's media for the image's marker first), against the media
 * fake, which counts each call's points by Shopify's documented rules. At a restore rate
 * of R points a second, images a second = R / points an image. Printed as a table; not
 * run by the build ({@code -Dgroups=benchmark}).
 */
@Tag("benchmark")
class ShopifyPublishRateBenchmark {

	/** The Standard plan's restore rate, points a second. */
	private static final double STANDARD = 100;

	private static final int PRODUCTS = 10;

	private static final int IMAGES_A_PRODUCT = 4;

	@Test
	void shouldCountThePointsEachPublishedImageCosts() throws Exception {
		System.out.println("| product's own media | position | points an image | most asked by one query "
				+ "| images/s at 100 points/s | images an hour |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		for (int own : List.of(1, 8, 60)) {
			for (PublishTarget.Position position : PublishTarget.Position.values()) {
				measure(own, position);
			}
		}
	}

	private void measure(int own, PublishTarget.Position position) {
		ShopifyMediaFake media = new ShopifyMediaFake();
		WireMockServer shop = new WireMockServer(options().dynamicPort().extensions(media));
		shop.start();
		try {
			media.at(shop.baseUrl());
			shop.stubFor(post(urlEqualTo("/admin/api/2025-10/graphql.json"))
				.willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
			shop.stubFor(post(urlEqualTo("/staged-uploads"))
				.willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
			ShopifyMediaPublisher publisher = new ShopifyMediaPublisher(
					new ShopifyClient(HttpClient.newHttpClient(),
							new ShopifyShop(shop.baseUrl(), "shpat_rate", "2025-10"), Duration.ofSeconds(10),
							RetryConfig.ofDefaults(), Pause.SLEEP),
					HttpClient.newHttpClient(), Pause.SLEEP, Duration.ofSeconds(1), Duration.ofMinutes(1));
			byte[] jpeg = new byte[200_000];
			long task = 0;
			for (int p = 0; p < PRODUCTS; p++) {
				String[] images = new String[own];
				for (int i = 0; i < own; i++) {
					images[i] = "https://cdn.shopify.com/s/files/1/own-" + p + "-" + i + ".jpg";
				}
				media.product("gid://shopify/Product/" + (100 + p), images);
			}
			publisher.checkScopes();
			for (int p = 0; p < PRODUCTS; p++) {
				String product = "gid://shopify/Product/" + (100 + p);
				// the snapshot before the run's first change to the product
				publisher.media(product);
				for (int i = 0; i < IMAGES_A_PRODUCT; i++) {
					task++;
					ShopifyMediaPublisher.Attached attached = publisher.publish(new ShopifyMediaPublisher.Image(product,
							"task-" + task, jpeg, "image/jpeg", "jpg", "Clay Mug — Sunlit kitchen counter", false));
					if (position == PublishTarget.Position.PRIMARY) {
						publisher.moveTo(product, attached, i);
					}
				}
				assertThat(media.media(product)).hasSize(own + IMAGES_A_PRODUCT);
			}
			int images = PRODUCTS * IMAGES_A_PRODUCT;
			double points = (double) media.spent() / images;
			System.out.printf("| %d | %s | %.1f | %d | %.2f | %,d |%n", own, position.name().toLowerCase(), points,
					media.mostRequested(), STANDARD / points, Math.round(3600 * STANDARD / points));
		}
		finally {
			shop.stop();
		}
	}

}
