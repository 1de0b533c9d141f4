package com.prompt2pixel.publish;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.ImageFormat;
import com.prompt2pixel.connectors.publish.S3Fake;
import com.prompt2pixel.ingest.ShopifyConnections;
import com.prompt2pixel.ingest.ShopifyProperties;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MerchantApi;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.support.ShopifyMediaFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A run publishing to its merchant's targets, a real S3 API server (s3proxy) and a
 * folder: every approved image once, encoded as each target wants it, a failing target
 * that stops nothing and is published later, and the revert.
 */
class PublishTargetsFunctionalTests extends FunctionalTest {

	private static S3Fake s3;

	private static S3Client client;

	@Autowired
	CatalogRuns runs;

	@Autowired
	RunSummaries summaries;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Autowired
	ShopifyConnections connections;

	@Autowired
	PublishTargets targets;

	@Autowired
	TargetPublishing publishing;

	@Autowired
	RunUnpublishing unpublishing;

	@Autowired
	PublishProperties properties;

	@TempDir
	Path folder;

	@BeforeAll
	static void startS3() {
		s3 = new S3Fake();
		client = s3.client();
		// the SDK's default chain reads them, as it reads AWS_ACCESS_KEY_ID in production
		System.setProperty("aws.accessKeyId", S3Fake.ACCESS_KEY);
		System.setProperty("aws.secretAccessKey", S3Fake.SECRET_KEY);
	}

	@AfterAll
	static void stopS3() {
		client.close();
		s3.close();
	}

	@Test
	void shouldPublishEveryApprovedImageOnceToEachTargetAndTakeThemBack() throws Exception {
		s3.createBucket("acme-images");
		Path shared = this.folder.resolve("shared");
		this.targets.set(new PublishTarget("pub-acme", Kind.S3, null, "s3://acme-images/catalog", s3.endpoint(), null,
				new ImageEncoder.Settings(ImageFormat.JPEG, 0.85f, 0)));
		this.targets.set(new PublishTarget("pub-acme", Kind.FOLDER, shared, null, null, null,
				new ImageEncoder.Settings(ImageFormat.WEBP, 0.8f, 256)));
		Path catalog = SampleCatalogs.firstProducts(this.folder, 3);

		RunSummary summary = this.runs.start(new RunRequest("pub-acme", catalog, null, 1, this.folder.resolve("out")));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.published()).isPositive();
		assertThat(summary.targets()).containsEntry("s3", Map.of("published", summary.published()))
			.containsEntry("folder", Map.of("published", summary.published()));
		List<S3Object> objects = objects("acme-images", "catalog/pub-acme/");
		List<String> images = objects.stream().map(S3Object::key).filter((key) -> key.endsWith(".jpg")).toList();
		assertThat(images).as("content-addressed: one object per distinct image")
			.hasSizeLessThanOrEqualTo((int) summary.published())
			.isNotEmpty()
			.allMatch((key) -> key.matches("catalog/pub-acme/([0-9a-f]{2})/\\1[0-9a-f]{62}\\.jpg"));
		String manifest = client
			.getObjectAsBytes((request) -> request.bucket("acme-images")
				.key("catalog/pub-acme/runs/" + summary.run() + "/manifest.csv"))
			.asUtf8String();
		assertThat(manifest.lines()).hasSize((int) summary.published() + 1);
		String link = manifest.lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).as("the presigned link in the manifest").isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(download.body()));
		assertThat(jpeg).isNotNull();
		List<Path> copies = files(shared);
		assertThat(copies).hasSize((int) summary.published()).allMatch((file) -> file.toString().endsWith(".webp"));
		BufferedImage webp = ImageIO.read(copies.get(0).toFile());
		assertThat(Math.max(webp.getWidth(), webp.getHeight())).as("the folder target's longest edge").isEqualTo(256);

		long task = this.jdbc.queryForObject("SELECT min(id) FROM render_task WHERE run_id = ? AND state = 'PUBLISHED'",
				Long.class, summary.run());
		MerchantApi api = new MerchantApi(this.port, bearer("pub-acme"), this.json);
		JsonNode meta = api.json(api.get("/api/v1/images/" + task + "/meta"));
		assertThat(meta.path("published").path("folder").path("status").asString()).isEqualTo("published");
		assertThat(meta.path("matte").path("method").asString()).as("how the product was cut out").isEqualTo("keyer");
		assertThat(meta.path("matte").path("confidence").asDouble()).isBetween(0.0, 1.0);
		JsonNode checks = meta.path("checks");
		assertThat(checks.path("fidelity").path("score").asDouble()).as("the product as in its photo")
			.isGreaterThan(0.9);
		assertThat(checks.path("quality").path("problems").size()).isZero();
		assertThat(checks.path("safety").path("ran").asBoolean()).as("no classifier: not run, never passed").isFalse();
		URI fresh = URI.create(meta.path("published").path("s3").path("url").asString());
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(fresh).build(), HttpResponse.BodyHandlers.ofByteArray())
			.statusCode()).as("the image's link in the API, signed afresh").isEqualTo(200);

		Map<String, TargetPublishing.Outcome> again = this.publishing.publish(summary.run(), "pub-acme", null);

		assertThat(again).containsEntry("s3", new TargetPublishing.Outcome(0, 0))
			.containsEntry("folder", new TargetPublishing.Outcome(0, 0));
		assertThat(objects("acme-images", "catalog/pub-acme/")).hasSameSizeAs(objects);

		// one image taken down (what a merchant's report does), its S3 object its own
		long single = this.jdbc.queryForObject("""
				SELECT min(t.id) FROM render_task t WHERE t.run_id = ? AND t.state = 'PUBLISHED'
				  AND NOT EXISTS (SELECT 1 FROM render_task o
				                  WHERE o.run_id = t.run_id AND o.id <> t.id AND o.image_sha256 = t.image_sha256)""",
				Long.class, summary.run());
		String singleObject = this.jdbc.queryForObject(
				"SELECT location FROM publication WHERE task_id = ? AND destination = 'S3'", String.class, single);

		RunUnpublishing.Result takenDown = this.unpublishing.takeDown(single);

		assertThat(takenDown.removed()).as("its S3 object, the folder target's copy and the run folder's").isEqualTo(3);
		assertThat(objects("acme-images", "catalog/pub-acme/")).as("only its object gone")
			.hasSize(objects.size() - 1)
			.noneMatch((object) -> singleObject.equals("s3://acme-images/" + object.key()));
		assertThat(files(shared)).hasSize(copies.size() - 1);
		String manifestAfter = client
			.getObjectAsBytes((request) -> request.bucket("acme-images")
				.key("catalog/pub-acme/runs/" + summary.run() + "/manifest.csv"))
			.asUtf8String();
		assertThat(manifestAfter.lines()).as("the bucket's manifest without it").hasSize((int) summary.published());
		assertThat(manifestAfter).doesNotContain(singleObject.replace("s3://acme-images/", ""));
		assertThat(this.unpublishing.takeDown(single).removed()).as("taken down once").isZero();

		RunUnpublishing.Result reverted = this.unpublishing.unpublish(summary.run(), null);
		RunUnpublishing.Result twice = this.unpublishing.unpublish(summary.run(), null);

		assertThat(reverted.removed()).as("the rest").isEqualTo(images.size() - 1 + copies.size() - 1);
		assertThat(objects("acme-images", "catalog/pub-acme/")).as("images and manifest gone").isEmpty();
		assertThat(files(shared)).isEmpty();
		assertThat(files(this.folder.resolve("out"))).as("the run's own folder keeps its images").isNotEmpty();
		assertThat(twice.removed()).isZero();
		assertThat(this.summaries.find(summary.run()).orElseThrow().targets()).containsEntry("s3",
				Map.of("reverted", summary.published()));
	}

	@Test
	void shouldKeepPublishingToTheOtherTargetsWhenOneFailsAndPublishTheRestLater() throws Exception {
		Path shared = this.folder.resolve("kept");
		this.targets.set(new PublishTarget("pub-missing", Kind.S3, null, "s3://not-yet-made", s3.endpoint(), null,
				ImageEncoder.Settings.png()));
		this.targets
			.set(new PublishTarget("pub-missing", Kind.FOLDER, shared, null, null, null, ImageEncoder.Settings.png()));
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);

		RunSummary summary = this.runs
			.start(new RunRequest("pub-missing", catalog, null, 1, this.folder.resolve("out-missing")));

		assertThat(summary.status()).as("the images are made and kept").isEqualTo("COMPLETED");
		assertThat(summary.targets()).containsEntry("s3", Map.of("failed", summary.published()))
			.containsEntry("folder", Map.of("published", summary.published()));
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT error FROM publication pub JOIN render_task t ON t.id = pub.task_id
				WHERE t.run_id = ? AND pub.status = 'FAILED'""", String.class, summary.run())).isNotEmpty()
			.allMatch((error) -> error.contains("bucket"), "names the missing bucket");
		s3.createBucket("not-yet-made");

		Map<String, TargetPublishing.Outcome> later = this.publishing.publish(summary.run(), "pub-missing", "s3");

		assertThat(later).containsOnlyKeys("s3")
			.containsEntry("s3", new TargetPublishing.Outcome((int) summary.published(), 0));
		assertThat(this.summaries.find(summary.run()).orElseThrow().targets()).containsEntry("s3",
				Map.of("published", summary.published()));
	}

	@Test
	void shouldAttachEachImageToItsShopifyProductOnceAndDetachItOnRevert() throws Exception {
		ShopifyMediaFake media = new ShopifyMediaFake();
		WireMockServer shop = new WireMockServer(options().dynamicPort().extensions(media));
		shop.start();
		try {
			String product = "gid://shopify/Product/501";
			Path snapshot = shop(shop, media, "pub-shop", product);
			this.targets.set(new PublishTarget("pub-shop", Kind.SHOPIFY, null, null, null, null,
					new ImageEncoder.Settings(ImageFormat.JPEG, 0.9f, 2048)));

			RunSummary summary = this.runs
				.start(new RunRequest("pub-shop", snapshot, null, 1, this.folder.resolve("out-shop")));

			assertThat(summary.status()).isEqualTo("COMPLETED");
			assertThat(summary.published()).isPositive();
			assertThat(summary.targets()).containsEntry("shopify", Map.of("published", summary.published()));
			List<ObjectNode> attached = media.media(product);
			assertThat(attached).hasSize(1 + (int) summary.published());
			assertThat(attached.get(0).path("image").path("url").asString())
				.as("the product's own image keeps its place")
				.endsWith("clay-mug-own.jpg");
			assertThat(attached.subList(1, attached.size())).allSatisfy((medium) -> {
				assertThat(medium.path("alt").asString()).startsWith("Clay Mug — ");
				assertThat(medium.path("originalSource").path("url").asString()).matches(".*/p2p-task-\\d+\\.jpg");
			});

			// the outcome of each attach lost (a crash between Shopify's answer and the
			// commit): the row its attempt wrote first stays; the next publish finds each
			// medium by its marker
			lose(summary.run());
			Map<String, TargetPublishing.Outcome> again = this.publishing.publish(summary.run(), "pub-shop", null);

			assertThat(again).containsEntry("shopify", new TargetPublishing.Outcome((int) summary.published(), 0));
			assertThat(media.media(product)).as("nothing attached twice").hasSize(attached.size());
			shop.verify((int) summary.published(), postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
				.withRequestBody(containing("productUpdate")));

			// one image taken down (what a merchant's report does)
			long single = this.jdbc.queryForObject(
					"SELECT min(id) FROM render_task WHERE run_id = ? AND state = 'PUBLISHED'", Long.class,
					summary.run());

			RunUnpublishing.Result takenDown = this.unpublishing.takeDown(single);

			assertThat(takenDown.removed()).as("its Shopify medium and the run folder's copy").isEqualTo(2);
			assertThat(media.media(product)).as("only its medium detached")
				.hasSize(attached.size() - 1)
				.noneMatch((medium) -> medium.path("originalSource")
					.path("url")
					.asString()
					.endsWith("/p2p-task-" + single + ".jpg"));

			RunUnpublishing.Result reverted = this.unpublishing.unpublish(summary.run(), null);

			assertThat(reverted.removed()).as("the rest").isEqualTo(summary.published() - 1);
			assertThat(media.media(product)).extracting((medium) -> medium.path("image").path("url").asString())
				.containsExactly("https://cdn.shopify.com/s/files/1/clay-mug-own.jpg");
		}
		finally {
			shop.stop();
		}
	}

	@Test
	void shouldPutARunsImagesFirstAndAttachEachOnceWhateverStepItsAnswerWasLostAtThenRestoreTheOrder()
			throws Exception {
		ShopifyMediaFake media = new ShopifyMediaFake();
		WireMockServer shop = new WireMockServer(options().dynamicPort().extensions(media));
		shop.start();
		try {
			String product = "gid://shopify/Product/777";
			Path snapshot = shop(shop, media, "pub-primary", product);
			this.targets.set(new PublishTarget("pub-primary", Kind.SHOPIFY, null, null, null, null,
					new ImageEncoder.Settings(ImageFormat.JPEG, 0.9f, 1024), PublishTarget.Position.PRIMARY));
			media.failOnceAfter(ShopifyMediaFake.Step.ATTACH);

			RunSummary summary = this.runs
				.start(new RunRequest("pub-primary", snapshot, null, 1, this.folder.resolve("out-primary")));

			int images = (int) summary.published();
			assertThat(images).isEqualTo(4);
			assertThat(summary.targets()).as("the image whose attach got no answer failed")
				.containsEntry("shopify", Map.of("published", images - 1L, "failed", 1L));
			assertThat(this.publishing.publish(summary.run(), "pub-primary", null)).containsEntry("shopify",
					new TargetPublishing.Outcome(1, 0));
			assertRunFirstAndOnce(media, product, summary.run(), images);
			List<String> ownFirst = List.of(media.media(product).get(images).path("id").asString());

			for (ShopifyMediaFake.Step step : ShopifyMediaFake.Step.values()) {
				this.unpublishing.unpublish(summary.run(), null);
				assertThat(media.media(product)).extracting((medium) -> medium.path("id").asString())
					.as("after the revert before a fault after %s", step)
					.isEqualTo(ownFirst);
				media.failOnceAfter(step);

				Map<String, TargetPublishing.Outcome> faulted = this.publishing.publish(summary.run(), "pub-primary",
						null);
				Map<String, TargetPublishing.Outcome> again = this.publishing.publish(summary.run(), "pub-primary",
						null);

				assertThat(faulted).as("after %s", step)
					.containsEntry("shopify", new TargetPublishing.Outcome(images - 1, 1));
				assertThat(again).as("after %s", step).containsEntry("shopify", new TargetPublishing.Outcome(1, 0));
				assertRunFirstAndOnce(media, product, summary.run(), images);
			}

			// the outcome lost: a crash after Shopify's READY, before the commit
			lose(summary.run());
			assertThat(this.publishing.publish(summary.run(), "pub-primary", null)).containsEntry("shopify",
					new TargetPublishing.Outcome(images, 0));
			assertRunFirstAndOnce(media, product, summary.run(), images);

			this.unpublishing.unpublish(summary.run(), null);
			int requests = shop.getAllServeEvents().size();
			RunUnpublishing.Result twice = this.unpublishing.unpublish(summary.run(), null);

			assertThat(media.media(product)).extracting((medium) -> medium.path("id").asString())
				.as("the product's own image is its primary image again")
				.isEqualTo(ownFirst);
			assertThat(twice.removed()).isZero();
			assertThat(shop.getAllServeEvents()).as("a second revert asks the shop nothing").hasSize(requests);
		}
		finally {
			shop.stop();
		}
	}

	/**
	 * What a crash after each attach and before its outcome's commit leaves: the rows the
	 * attempts wrote before they began.
	 */
	private void lose(long runId) {
		this.jdbc.update("""
				UPDATE publication SET status = 'FAILED', location = '', url = NULL, error = ?
				WHERE destination = 'SHOPIFY' AND task_id IN (SELECT id FROM render_task WHERE run_id = ?)""",
				TargetPublishing.INTERRUPTED, runId);
	}

	/**
	 * The run's images lead the product's media, once each, in the run's order, with
	 * their scene's alt text; the product's own image follows.
	 */
	private void assertRunFirstAndOnce(ShopifyMediaFake media, String product, long runId, int images) {
		List<ObjectNode> now = media.media(product);
		List<String> markers = now.stream()
			.map((medium) -> medium.path("originalSource").path("url").asString())
			.map((url) -> url.substring(url.lastIndexOf('/') + 1))
			.toList();
		List<String> expected = this.jdbc.queryForList(
				"SELECT 'p2p-task-' || id || '.jpg' FROM render_task WHERE run_id = ? ORDER BY id", String.class,
				runId);
		assertThat(expected).hasSize(images);
		assertThat(markers.subList(0, images)).containsExactlyElementsOf(expected);
		assertThat(markers).hasSize(images + 1).last().asString().endsWith("-own.jpg");
		assertThat(now.subList(0, images)).allSatisfy(
				(medium) -> assertThat(medium.path("alt").asString()).startsWith("Clay Mug — ").doesNotContain("-"));
	}

	/**
	 * A shop with one product and its own image, connected for the merchant; the catalog
	 * snapshot of that shop.
	 */
	private Path shop(WireMockServer shop, ShopifyMediaFake media, String merchant, String product) throws IOException {
		media.at(shop.baseUrl());
		String token = "shpat_" + merchant.replace('-', '_');
		shop.stubFor(
				post(urlEqualTo("/admin/api/2025-10/graphql.json")).withHeader("X-Shopify-Access-Token", equalTo(token))
					.willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
		shop.stubFor(
				post(urlEqualTo("/staged-uploads")).willReturn(aResponse().withTransformers(ShopifyMediaFake.NAME)));
		shop.stubFor(get(urlEqualTo("/photos/mug.png")).willReturn(aResponse().withHeader("Content-Type", "image/png")
			.withBody(Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/mug-clay-01.png")))));
		System.setProperty(ShopifyProperties.tokenVariable(merchant), token);
		this.connections.connect(merchant, shop.baseUrl());
		media.product(product, "https://cdn.shopify.com/s/files/1/clay-mug-own.jpg");
		Path snapshot = this.folder.resolve(merchant + ".jsonl");
		Files.writeString(snapshot,
				"""
						{"id":"%s","handle":"clay-mug","title":"Clay Mug","descriptionHtml":"","vendor":"Northwind","productType":"Mug","tags":[],"status":"ACTIVE","category":null,"options":[],"variantsCount":{"count":1},"priceRangeV2":null}
						{"id":"gid://shopify/MediaImage/1","mediaContentType":"IMAGE","image":{"url":"%s/photos/mug.png"},"__parentId":"%s"}
						"""
					.formatted(product, shop.baseUrl(), product));
		return snapshot;
	}

	@Test
	void shouldRecordEveryImageAsFailedWithTheReasonWhenATargetCannotBeReachedAtAll() throws Exception {
		this.connections.connect("pub-tokenless", "pub-tokenless.myshopify.com");
		this.targets
			.set(new PublishTarget("pub-tokenless", Kind.SHOPIFY, null, null, null, null, ImageEncoder.Settings.png()));
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);

		RunSummary summary = this.runs
			.start(new RunRequest("pub-tokenless", catalog, null, 1, this.folder.resolve("out-tokenless")));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.targets()).containsEntry("shopify", Map.of("failed", summary.published()));
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT error FROM publication pub JOIN render_task t ON t.id = pub.task_id
				WHERE t.run_id = ? AND pub.destination = 'SHOPIFY'""", String.class, summary.run())).singleElement()
			.asString()
			.contains("set the environment variable P2P_SHOPIFY_TOKEN_PUB_TOKENLESS");
	}

	@Test
	void shouldSetAMerchantsTargetsPublishAndTakeARunBackOverTheApi() throws Exception {
		s3.createBucket("api-images");
		MerchantApi api = new MerchantApi(this.port, bearer("pub-api"), this.json);
		String target = """
				{"location": "s3://api-images/shop", "endpoint": "%s", "format": "jpeg", "quality": 0.8,
				 "max_edge": 512}""".formatted(s3.endpoint());

		HttpResponse<String> set = api.put("/api/v1/publish-targets/s3", target);

		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(api.json(set).path("format").asString()).isEqualTo("jpeg");
		assertThat(api.json(api.get("/api/v1/publish-targets"))).singleElement()
			.satisfies((listed) -> assertThat(listed.path("location").asString()).isEqualTo("s3://api-images/shop"));
		this.targets.set(new PublishTarget("pub-api", Kind.FOLDER, this.folder.resolve("operator-folder"), null, null,
				null, ImageEncoder.Settings.png()));
		assertThat(api.get("/api/v1/publish-targets").body()).as("the server's folder is not the merchant's to see")
			.doesNotContain(this.folder.toString())
			.contains("\"target\":\"folder\"");
		this.targets.remove("pub-api", Kind.FOLDER);
		RunSummary summary = this.runs.start(new RunRequest("pub-api", SampleCatalogs.firstProducts(this.folder, 1),
				null, 1, this.folder.resolve("out-api")));
		assertThat(objects("api-images", "shop/pub-api/")).hasSize((int) summary.published() + 1);

		HttpResponse<String> reverted = api.post("/api/v1/runs/" + summary.run() + "/unpublish", "");
		HttpResponse<String> again = api.post("/api/v1/runs/" + summary.run() + "/publish?to=s3", "");

		assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
		assertThat(api.json(reverted).path("removed").asLong()).isEqualTo(summary.published());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(api.json(again).path("targets").path("s3").path("published").asLong())
			.isEqualTo(summary.published());
		assertThat(api.delete("/api/v1/publish-targets/s3").statusCode()).isEqualTo(204);
		assertThat(api.delete("/api/v1/publish-targets/s3").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseOverTheApiATargetThatWouldMakeTheServerCallItsNetworkOrWriteItsDisk() throws Exception {
		MerchantApi api = new MerchantApi(this.port, bearer("pub-ssrf"), this.json);
		Map<String, String> refused = Map.of("""
				{"location": "s3://bucket-b/p", "endpoint": "http://169.254.169.254/latest/meta-data"}""",
				"is on a host that is unknown, local or private", """
						{"location": "s3://bucket-b/p", "endpoint": "http://10.0.0.7:9000"}""",
				"is on a host that is unknown, local or private", """
						{"location": "s3://bucket-b/p", "endpoint": "file:///etc/passwd"}""", "is not an http(s) URL",
				"""
						{"location": "s3://bucket-b/p", "endpoint": "https://user:pw@s3.example.com"}""",
				"no user name", """
						{"location": "s3://bucket-b/p", "position": "primary"}""",
				"position is for a shopify target only", """
						{"location": "s3://bucket-b/p", "format": "gif"}""", "gif");
		for (Map.Entry<String, String> body : refused.entrySet()) {
			HttpResponse<String> answer = api.put("/api/v1/publish-targets/s3", body.getKey());
			assertThat(answer.statusCode()).as(body.getKey()).isEqualTo(400);
			assertThat(api.detail(answer)).as(body.getKey()).contains(body.getValue());
		}
		HttpResponse<String> folder = api.put("/api/v1/publish-targets/folder", "{}");
		HttpResponse<String> shop = api.put("/api/v1/publish-targets/shopify", "{}");

		assertThat(api.detail(folder)).startsWith("a folder target is a folder on the server");
		assertThat(api.detail(shop)).startsWith("merchant 'pub-ssrf' has no Shopify shop connected");
		assertThat(api.json(api.get("/api/v1/publish-targets"))).as("nothing was set").isEmpty();
		// an endpoint set before its name moved to a private address is refused at
		// publishing
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.properties.s3().connection(URI.create("http://metadata.google.internal")))
			.withMessageContaining("unknown, local or private");
	}

	@Test
	void shouldRefuseTargetsItCannotUse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Kind.of("gif"))
			.withMessage("publish target 'gif' is not one of folder, s3, shopify");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.targets
				.set(new PublishTarget("pub-bad", Kind.SHOPIFY, null, null, null, null, ImageEncoder.Settings.png())))
			.withMessageStartingWith("merchant 'pub-bad' has no Shopify shop connected");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.targets.set(new PublishTarget("pub-bad", Kind.S3, null, "https://bucket", null, null,
					ImageEncoder.Settings.png())))
			.withMessage("'https://bucket' is not an S3 location like s3://bucket/prefix");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.targets.set(new PublishTarget("pub-bad", Kind.FOLDER, Path.of("relative/dir"), null,
					null, null, ImageEncoder.Settings.png())))
			.withMessage("publish folder 'relative/dir' is not an absolute path");
		assertThatIllegalArgumentException().isThrownBy(() -> this.targets.forRun("pub-bad", "s3"))
			.withMessageStartingWith("merchant 'pub-bad' has no s3 target");
	}

	private static List<S3Object> objects(String bucket, String prefix) {
		return client.listObjectsV2((request) -> request.bucket(bucket).prefix(prefix)).contents();
	}

	private static List<Path> files(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().endsWith(".csv"))
				.sorted()
				.toList();
		}
	}

}
