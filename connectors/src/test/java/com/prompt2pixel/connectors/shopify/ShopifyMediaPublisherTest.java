package com.prompt2pixel.connectors.shopify;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Product media through the Admin API's documented shapes: staged upload targets, a
 * medium going {@code UPLOADED → PROCESSING → READY}, a {@code FAILED} one with
 * {@code mediaErrors}, an attach without an answer, and a detach.
 */
class ShopifyMediaPublisherTest {

	private static final String PRODUCT = "gid://shopify/Product/632910392";

	private static final String MEDIUM = "gid://shopify/MediaImage/1072273148";

	private final ShopifyFake shopify = new ShopifyFake();

	private final byte[] jpeg = "a jpeg's bytes".getBytes(StandardCharsets.UTF_8);

	@AfterEach
	void stop() {
		this.shopify.close();
	}

	@Test
	void shouldStageUploadAttachAndWaitUntilTheMediumIsReady() {
		stubStage();
		this.shopify.server.stubFor(post(urlEqualTo("/staged/upload")).willReturn(aResponse().withStatus(201)));
		stubAttach(ShopifyFake.data("""
				{"productUpdate":{"product":{"id":"%s","mediaCount":{"count":2},"media":{"nodes":[%s]}},
				 "userErrors":[]}}""".formatted(PRODUCT, medium("UPLOADED", "p2p-task-7.jpg")), 10, 1990));
		stubPolls("PROCESSING", "READY");

		ShopifyMediaPublisher.Attached attached = publisher().publish(firstAttempt());

		assertThat(attached).isEqualTo(new ShopifyMediaPublisher.Attached(MEDIUM,
				"https://cdn.shopify.com/s/files/1/p2p-task-7.jpg?v=1", false, 1, 2));
		this.shopify.server.verify(0,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("query ProductMedia")));
		this.shopify.server.verify(2,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("query Medium"))
					.withRequestBody(matchingJsonPath("$.variables.id", equalTo(MEDIUM))));
		this.shopify.server.verify(postRequestedFor(urlEqualTo("/staged/upload"))
			.withRequestBody(containing("name=\"key\"\r\n\r\ntmp/26/p2p-task-7.jpg"))
			.withRequestBody(containing("filename=\"p2p-task-7.jpg\""))
			.withRequestBody(containing("a jpeg's bytes")));
		this.shopify.server.verify(1, postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(containing("productUpdate"))
			.withRequestBody(matchingJsonPath("$.variables.media[0].originalSource",
					equalTo("https://shopify-staged-uploads.storage.googleapis.com/tmp/26/p2p-task-7.jpg")))
			.withRequestBody(matchingJsonPath("$.variables.media[0].alt", equalTo("Ceramic mug on a kitchen table")))
			.withRequestBody(matchingJsonPath("$.variables.media[0].mediaContentType", equalTo("IMAGE"))));
		assertThat(this.shopify.pauses).as("polled while UPLOADED and PROCESSING").hasSize(2);
	}

	@Test
	void shouldFindTheMediumAnEarlierAttemptAttachedInsteadOfAttachingAgain() {
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.willReturn(ShopifyFake.data(media(medium("READY", "p2p-task-7_4f0c5a2b-aa31.jpg")), 5, 1995)));

		ShopifyMediaPublisher.Attached attached = publisher().publish(image());

		assertThat(attached.adopted()).isTrue();
		assertThat(attached.mediaId()).isEqualTo(MEDIUM);
		this.shopify.server.verify(0,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("stagedUploadsCreate")));
		this.shopify.server.verify(0,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("productUpdate")));
	}

	@Test
	void shouldLookForTheMediumWhenTheAttachGotNoAnswerAndNotAttachTwice() {
		stubStage();
		this.shopify.server.stubFor(post(urlEqualTo("/staged/upload")).willReturn(aResponse().withStatus(204)));
		stubAttach(aResponse().withStatus(502));
		stubMediaAfterAttach("READY");

		ShopifyMediaPublisher.Attached attached = publisher().publish(image());

		assertThat(attached.mediaId()).isEqualTo(MEDIUM);
		this.shopify.server.verify(1,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("productUpdate")));
	}

	@Test
	void shouldGiveShopifysMediaErrorsWhenProcessingFailed() {
		stubStage();
		this.shopify.server.stubFor(post(urlEqualTo("/staged/upload")).willReturn(aResponse().withStatus(201)));
		stubAttach(ShopifyFake.data(attached(), 10, 1990));
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.inScenario("media")
			.whenScenarioStateIs("attached")
			.willReturn(ShopifyFake.data(media(medium("FAILED", "p2p-task-7.jpg").replace("\"mediaErrors\":[]",
					"\"mediaErrors\":[{\"code\":\"INVALID_IMAGE_FILE\",\"message\":\"Image could not be processed\"}]")),
					5, 1995)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.inScenario("media")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake.data(media(), 5, 1995)));

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> publisher().publish(image()))
			.withMessage("Shopify could not process p2p-task-7.jpg on product " + PRODUCT
					+ ": INVALID_IMAGE_FILE: Image could not be processed");
	}

	@Test
	void shouldSayWhatShopifyRefusedAndDetachMediaKeepingTheFiles() {
		this.shopify.server
			.stubFor(ShopifyFake.graphql("query ProductMedia").willReturn(ShopifyFake.data(media(), 5, 1995)));
		this.shopify.server.stubFor(ShopifyFake.graphql("stagedUploadsCreate")
			.willReturn(ShopifyFake
				.json("""
						{"errors":[{"message":"Access denied for stagedUploadsCreate field. Required access: `write_files` access scope.",
						  "extensions":{"code":"ACCESS_DENIED"}}]}""")));
		this.shopify.server.stubFor(ShopifyFake.graphql("fileUpdate").willReturn(ShopifyFake.data("""
				{"fileUpdate":{"files":[{"id":"%s"}],"userErrors":[]}}""".formatted(MEDIUM), 10, 1990)));

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> publisher().publish(image()))
			.withMessageContaining("Required access: `write_files` access scope.");
		publisher().detach(PRODUCT, List.of(MEDIUM));
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT))
			.withRequestBody(matchingJsonPath("$.variables.files[0].id", equalTo(MEDIUM)))
			.withRequestBody(matchingJsonPath("$.variables.files[0].referencesToRemove[0]", equalTo(PRODUCT))));
	}

	@Test
	void shouldNameTheScopesTheTokenLacks() {
		this.shopify.server.stubFor(ShopifyFake.graphql("currentAppInstallation")
			.willReturn(ShopifyFake
				.data("""
						{"currentAppInstallation":{"accessScopes":[{"handle":"read_products"},{"handle":"write_products"}]}}""",
						2, 1998)));

		assertThatExceptionOfType(ShopifyException.class).isThrownBy(() -> publisher().checkScopes())
			.withMessage("the access token of shop " + this.shopify.server.baseUrl()
					+ " lacks the scopes write_files that publishing product media needs (it has: read_products, "
					+ "write_products)");
	}

	@Test
	void shouldReadEveryPageOfAProductsMediaToFindTheMarker() {
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.withRequestBody(matchingJsonPath("$.variables.after", equalTo("page-2")))
			.willReturn(ShopifyFake.data("""
					{"product":{"media":{"pageInfo":{"hasNextPage":false,"endCursor":"page-3"},"nodes":[%s]}}}"""
				.formatted(medium("READY", "p2p-task-7.jpg")), 5, 1995)));
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.withRequestBody(matchingJsonPath("$.variables[?(@.after == null)]"))
			.willReturn(ShopifyFake.data("""
					{"product":{"media":{"pageInfo":{"hasNextPage":true,"endCursor":"page-2"},"nodes":[
					 {"id":"gid://shopify/MediaImage/1","alt":"Front","status":"READY",
					  "image":{"url":"https://cdn.shopify.com/s/files/1/mug-front.jpg?v=3"},"mediaErrors":[]}]}}}""", 5,
					1995)));

		ShopifyMediaPublisher.Attached attached = publisher().publish(image());

		assertThat(attached.adopted()).as("found on the second page").isTrue();
		assertThat(publisher().media(PRODUCT)).extracting(ShopifyMediaPublisher.Medium::id)
			.containsExactly("gid://shopify/MediaImage/1", MEDIUM);
	}

	@Test
	void shouldMoveAMediumToThePrimaryPlaceAndPutAnEarlierOrderBackOnlyWhenItChanged() {
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.willReturn(ShopifyFake.data(media(medium("READY", "p2p-task-7.jpg")), 5, 1995)));
		this.shopify.server.stubFor(ShopifyFake.graphql("productReorderMedia").willReturn(ShopifyFake.data("""
				{"productReorderMedia":{"job":{"id":"gid://shopify/Job/1"},"mediaUserErrors":[]}}""", 10, 1990)));

		publisher().moveTo(PRODUCT, new ShopifyMediaPublisher.Attached(MEDIUM, null, false, 1, 2), 0);
		publisher().moveTo(PRODUCT, new ShopifyMediaPublisher.Attached("gid://shopify/MediaImage/1", null, false, 0, 2),
				0);
		boolean restored = publisher().restoreOrder(PRODUCT, List.of(MEDIUM, "gid://shopify/MediaImage/1"));
		boolean unchanged = publisher().restoreOrder(PRODUCT,
				List.of("gid://shopify/MediaImage/1", "gid://shopify/MediaImage/404"));

		assertThat(restored).isTrue();
		assertThat(unchanged).as("the product already starts with what is left of that order").isFalse();
		this.shopify.server.verify(2,
				postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(containing("productReorderMedia")));
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(equalToJson("""
				{"variables":{"id":"%s","moves":[{"id":"%s","newPosition":"0"}]}}""".formatted(PRODUCT, MEDIUM), true,
				true)));
		this.shopify.server.verify(postRequestedFor(urlEqualTo(ShopifyFake.ENDPOINT)).withRequestBody(equalToJson("""
				{"variables":{"id":"%s","moves":[{"id":"%s","newPosition":"0"},
				 {"id":"gid://shopify/MediaImage/1","newPosition":"1"}]}}""".formatted(PRODUCT, MEDIUM), true, true)));
	}

	@Test
	void shouldSayWhyShopifyRefusedToReorder() {
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.willReturn(ShopifyFake.data(media(medium("READY", "p2p-task-7.jpg")), 5, 1995)));
		this.shopify.server.stubFor(ShopifyFake.graphql("productReorderMedia").willReturn(ShopifyFake.data("""
				{"productReorderMedia":{"job":null,"mediaUserErrors":[{"field":["moves","0","id"],
				 "message":"Media does not exist","code":"MEDIA_DOES_NOT_EXIST"}]}}""", 10, 1990)));

		assertThatExceptionOfType(ShopifyException.class)
			.isThrownBy(
					() -> publisher().moveTo(PRODUCT, new ShopifyMediaPublisher.Attached(MEDIUM, null, false, 1, 2), 0))
			.withMessage("shop " + this.shopify.server.baseUrl() + " did not reorder the media of product " + PRODUCT
					+ ": Media does not exist");
		assertThat(publisher().media(PRODUCT)).containsExactly(
				new ShopifyMediaPublisher.Medium("gid://shopify/MediaImage/1", "Front"),
				new ShopifyMediaPublisher.Medium(MEDIUM, "Ceramic mug on a kitchen table"));
	}

	private ShopifyMediaPublisher publisher() {
		return new ShopifyMediaPublisher(this.shopify.client(), HttpClient.newHttpClient(), this.shopify.pause,
				Duration.ofMillis(5), Duration.ofMinutes(1));
	}

	/** The image's first attempt: nothing can have attached it before. */
	private ShopifyMediaPublisher.Image firstAttempt() {
		return new ShopifyMediaPublisher.Image(PRODUCT, "task-7", this.jpeg, "image/jpeg", "jpg",
				"Ceramic mug on a kitchen table", false);
	}

	/** The medium, polled by its id, in these states, one per poll. */
	private void stubPolls(String... states) {
		String state = Scenario.STARTED;
		for (int i = 0; i < states.length; i++) {
			String next = "poll-" + i;
			String medium = medium(states[i], "p2p-task-7.jpg");
			this.shopify.server.stubFor(ShopifyFake.graphql("query Medium")
				.inScenario("polls")
				.whenScenarioStateIs(state)
				.willReturn(ShopifyFake.data("{\"node\":" + medium + "}", 3, 1997))
				.willSetStateTo(next));
			state = next;
		}
	}

	private ShopifyMediaPublisher.Image image() {
		return new ShopifyMediaPublisher.Image(PRODUCT, "task-7", this.jpeg, "image/jpeg", "jpg",
				"Ceramic mug on a kitchen table");
	}

	private void stubStage() {
		this.shopify.server.stubFor(ShopifyFake.graphql("stagedUploadsCreate")
			.withRequestBody(matchingJsonPath("$.variables.input[0].filename", equalTo("p2p-task-7.jpg")))
			.withRequestBody(matchingJsonPath("$.variables.input[0].resource", equalTo("IMAGE")))
			.willReturn(ShopifyFake
				.data("""
						{"stagedUploadsCreate":{"stagedTargets":[{"url":"%s/staged/upload",
						  "resourceUrl":"https://shopify-staged-uploads.storage.googleapis.com/tmp/26/p2p-task-7.jpg",
						  "parameters":[{"name":"Content-Type","value":"image/jpeg"},{"name":"success_action_status","value":"201"},
						   {"name":"acl","value":"private"},{"name":"key","value":"tmp/26/p2p-task-7.jpg"},
						   {"name":"x-goog-credential","value":"merchant-assets@shopify-tiers.iam.gserviceaccount.com/20261201/auto/storage/goog4_request"},
						   {"name":"policy","value":"eyJjb25kaXRpb25zIjpbXX0="}]}],"userErrors":[]}}"""
					.formatted(this.shopify.server.baseUrl()), 10, 1990)));
	}

	private void stubAttach(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		this.shopify.server.stubFor(ShopifyFake.graphql("productUpdate")
			.inScenario("media")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(answer)
			.willSetStateTo("attached"));
	}

	/** No media before the attach; after it, the medium in these states, one per poll. */
	private void stubMediaAfterAttach(String... states) {
		this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
			.inScenario("media")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ShopifyFake.data(media(), 5, 1995)));
		String state = "attached";
		for (int i = 0; i < states.length; i++) {
			String next = (i + 1 < states.length) ? "poll-" + i : state;
			this.shopify.server.stubFor(ShopifyFake.graphql("query ProductMedia")
				.inScenario("media")
				.whenScenarioStateIs(state)
				.willReturn(ShopifyFake.data(media(medium(states[i], "p2p-task-7.jpg")), 5, 1995))
				.willSetStateTo(next));
			state = next;
		}
	}

	private static String attached() {
		return """
				{"productUpdate":{"product":{"id":"%s"},"userErrors":[]}}""".formatted(PRODUCT);
	}

	private static String media(String... nodes) {
		return """
				{"product":{"media":{"nodes":[
				 {"id":"gid://shopify/MediaImage/1","alt":"Front","status":"READY",
				  "image":{"url":"https://cdn.shopify.com/s/files/1/mug-front.jpg?v=3"},"mediaErrors":[]}%s]}}}"""
			.formatted(nodes.length == 0 ? "" : "," + String.join(",", nodes));
	}

	private static String medium(String status, String file) {
		// the image only once processed; the original source from the upload on
		String image = "READY".equals(status) ? "{\"url\":\"https://cdn.shopify.com/s/files/1/" + file + "?v=1\"}"
				: "null";
		return """
				{"id":"%s","alt":"Ceramic mug on a kitchen table","status":"%s","image":%s,
				 "originalSource":{"url":"https://shopify-staged-uploads.storage.googleapis.com/tmp/26/%s"},"mediaErrors":[]}"""
			.formatted(MEDIUM, status, image, file);
	}

}
