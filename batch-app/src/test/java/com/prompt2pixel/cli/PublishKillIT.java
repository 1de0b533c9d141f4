package com.prompt2pixel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.prompt2pixel.cli.Jar.Result;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.support.ShopifyMediaFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar killed with SIGKILL while it publishes a run to a Shopify shop (a
 * WireMock fake of the Admin API's product media), right after Shopify attached a medium
 * and before the answer came: the resumed run puts each image on its product exactly
 * once, in the run's order. A class of its own, so that it runs beside CliIT.
 */
class PublishKillIT {

	private static final String MERCHANT = "kill-shop";

	private static final Map<String, String> ENVIRONMENT = Map.of("P2P_SHOPIFY_TOKEN_KILL_SHOP", "shpat_kill",
			// the fake shop serves the photos too
			"P2P_PHOTOS_ALLOWED_HOSTS", "localhost");

	private static final List<String> PRODUCTS = List.of("gid://shopify/Product/31", "gid://shopify/Product/32");

	@TempDir
	Path workdir;

	@Test
	void shouldAttachEveryImageOnceWhenKilledWhileAnAttachWasUnanswered() throws Exception {
		ShopifyMediaFake media = new ShopifyMediaFake();
		WireMockServer shop = new WireMockServer(options().dynamicPort().extensions(media));
		shop.start();
		try {
			Path catalog = shop(shop, media);
			Jar jar = new Jar(this.workdir);
			assertThat(
					jar.run(Map.of(), "shopify-connect", "--merchant", MERCHANT, "--shop", shop.baseUrl()).exitCode())
				.isZero();
			Result target = jar.run(Map.of(), "publish-target", "set", "--merchant", MERCHANT, "--shopify",
					"--position", "primary", "--format", "jpeg");
			assertThat(target.exitCode()).as(target.stderr()).isZero();
			media.answerAttachesAfter(1500);
			Path log = this.workdir.resolve("killed.log");

			Process killed = jar.start(log, ENVIRONMENT, "run", "--catalog", catalog.toString(), "--merchant",
					MERCHANT);
			// three attached, the third's answer still on its way
			await("media attached before the kill").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> runMedia(media), (count) -> count >= 3);
			killed.destroyForcibly().waitFor();
			int attachedBeforeTheKill = runMedia(media);
			media.answerAttachesAfter(0);

			Result resumed = jar.run(ENVIRONMENT, "resume", "--run", "1");

			assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
			JsonNode summary = resumed.summary();
			assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
			long images = summary.get("published").asLong();
			assertThat(images).isEqualTo(8);
			assertThat(attachedBeforeTheKill).as("killed with images left to attach").isLessThan(8);
			assertThat(summary.path("targets").path("shopify").path("published").asLong()).isEqualTo(images);
			assertThat(shop
				.countRequestsMatching(postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
					.withRequestBody(containing("productUpdate"))
					.build())
				.getCount()).as("the medium attached unanswered was found, not attached again").isEqualTo(images);
			for (String product : PRODUCTS) {
				List<String> files = media.media(product)
					.stream()
					.map((medium) -> medium.path("originalSource").path("url").asString())
					.map((url) -> url.substring(url.lastIndexOf('/') + 1))
					.toList();
				assertThat(files).as(product + ": the run's four images once each, first; its own image last")
					.hasSize(5)
					.doesNotHaveDuplicates();
				assertThat(files.subList(0, 4)).allMatch((file) -> file.matches("p2p-task-\\d+\\.jpg"));
				assertThat(files.subList(0, 4)).as("in the run's order")
					.isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.replaceAll("\\D", "")),
							Integer.parseInt(b.replaceAll("\\D", ""))));
				assertThat(files.get(4)).endsWith("-own.jpg");
			}
		}
		finally {
			shop.stop();
		}
	}

	private static int runMedia(ShopifyMediaFake media) {
		return (int) media.allMedia()
			.stream()
			.filter((medium) -> medium.path("originalSource").path("url").asString().contains("/p2p-task-"))
			.count();
	}

	/** Two products, each with its own image; the catalog snapshot of the shop. */
	private Path shop(WireMockServer shop, ShopifyMediaFake media) throws Exception {
		media.at(shop.baseUrl());
		shop.stubFor(post(urlEqualTo("/admin/api/2025-10/graphql.json"))
			.withHeader("X-Shopify-Access-Token", equalTo("shpat_kill"))
			.willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
		shop.stubFor(
				post(urlEqualTo("/staged-uploads")).willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
		StringBuilder snapshot = new StringBuilder();
		for (String product : PRODUCTS) {
			String id = product.substring(product.lastIndexOf('/') + 1);
			media.product(product, "https://cdn.shopify.com/s/files/1/mug-" + id + "-own.jpg");
			shop.stubFor(get(urlEqualTo("/photos/" + id + ".png"))
				.willReturn(aResponse().withHeader("Content-Type", "image/png")
					.withBody(Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/mug-clay-01.png")))));
			snapshot
				.append("""
						{"id":"%s","handle":"mug-%s","title":"Mug %s","descriptionHtml":"","vendor":"Northwind","productType":"Mug","tags":[],"status":"ACTIVE","category":null,"options":[],"variantsCount":{"count":1},"priceRangeV2":null}
						{"id":"gid://shopify/MediaImage/%s","mediaContentType":"IMAGE","image":{"url":"%s/photos/%s.png"},"__parentId":"%s"}
						"""
					.formatted(product, id, id, id, shop.baseUrl(), id, product));
		}
		return Files.writeString(this.workdir.resolve("shop.jsonl"), snapshot);
	}

}
