package com.prompt2pixel.web;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MerchantApi;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On-demand generations over real HTTP: one product of an uploaded catalog in one scene
 * with a fixed seed and size, one with a prompt of its own, their images downloaded, the
 * history listed; and every refusal naming its field.
 */
class GenerationsOverTheApiFunctionalTests extends FunctionalTest {

	private static final String MERCHANT = "api-generations";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void shouldGenerateAProductInASceneWithItsSeedAndSize() throws Exception {
		MerchantApi api = api(MERCHANT);
		api.uploadSample(2);

		HttpResponse<String> started = api.post("/api/v1/generations", """
				{"product": "MUG-CLAY-01", "template_set": "generic", "scene": "generic-packshot",
				 "variants": 2, "seed": 42, "width": 512, "height": 384}""");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		JsonNode accepted = api.json(started);
		long id = accepted.get("id").asLong();
		assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/generations/" + id);
		assertThat(accepted.get("status").asString()).isIn("QUEUED", "RUNNING", "COMPLETED");
		JsonNode done = awaitEnd(api, id);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.get("product").asString()).isEqualTo("MUG-CLAY-01");
		JsonNode images = done.get("images");
		assertThat(images).hasSize(2);
		assertThat(images.findValues("seed").stream().map(JsonNode::asLong)).containsExactly(42L, 43L);
		assertThat(images.findValues("scene").stream().map(JsonNode::asString)).containsOnly("generic-packshot");
		assertThat(images.findValues("state").stream().map(JsonNode::asString)).containsOnly("PUBLISHED");
		HttpResponse<byte[]> png = api.getBytes(images.get(0).get("url").asString());
		assertThat(png.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(512);
		assertThat(image.getHeight()).isEqualTo(384);
		JsonNode meta = api.json(api.get(images.get(0).get("meta").asString()));
		assertThat(meta.get("prompt").asString()).containsIgnoringCase("mug");
		// the generation is a run of the merchant too, billed as one
		JsonNode run = api.json(api.get("/api/v1/runs/" + id));
		assertThat(run.get("images").asInt()).isEqualTo(2);
		assertThat(run.get("invoice_total").asString()).isEqualTo("0.08");
	}

	@Test
	void shouldGenerateWithThePromptGivenAndListTheHistory() throws Exception {
		MerchantApi api = api(MERCHANT + "-prompt");
		api.uploadSample(2);
		String prompt = "a sage green mug on a marble counter at dawn";

		long id = api
			.json(api.post("/api/v1/generations",
					"{\"product\": \"MUG-SAGE-02\", \"prompt\": \"" + prompt + "\", \"negative_prompt\": \"text\"}"))
			.get("id")
			.asLong();

		JsonNode done = awaitEnd(api, id);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.get("images")).as("one variant of one scene by default").hasSize(1);
		long seed = done.get("seed").asLong();
		assertThat(seed).as("drawn at random, shown so it can be asked for again").isBetween(0L, (1L << 32) - 1);
		JsonNode meta = api.json(api.get(done.get("images").get(0).get("meta").asString()));
		assertThat(meta.get("prompt").asString()).isEqualTo(prompt);
		assertThat(meta.get("negative_prompt").asString()).isEqualTo("text");
		assertThat(meta.get("seed").asLong()).isEqualTo(seed);

		// the same request with the seed it got reuses the image: not rendered, not
		// billed
		// again
		int renderedBefore = this.generator.rendered();
		long again = api.json(api.post("/api/v1/generations", "{\"product\": \"MUG-SAGE-02\", \"prompt\": \"" + prompt
				+ "\", \"negative_prompt\": \"text\", \"seed\": " + seed + "}"))
			.get("id")
			.asLong();
		JsonNode repeated = awaitEnd(api, again);
		assertThat(repeated.get("images").get(0).get("state").asString()).isEqualTo("SKIPPED_CACHED");
		assertThat(this.generator.rendered()).isEqualTo(renderedBefore);

		JsonNode history = api.json(api.get("/api/v1/generations?status=completed&size=10"));
		assertThat(ids(history.get("generations"))).containsExactly(again, id);
		assertThat(api.get("/api/v1/generations/" + id).statusCode()).isEqualTo(200);
		assertThat(api(MERCHANT).get("/api/v1/generations/" + id).statusCode())
			.as("another merchant's generation is missing")
			.isEqualTo(404);
		assertThat(ids(api(MERCHANT).json(api(MERCHANT).get("/api/v1/generations")).get("generations")))
			.doesNotContain(id, again);
	}

	@Test
	void shouldGenerateFromAPhotoSentWithTheRequestOutsideTheCatalog() throws Exception {
		MerchantApi api = api(MERCHANT + "-photo");
		api.uploadSample(2);
		byte[] photo = Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/mug-clay-01.png"));
		String prompt = "a terracotta mug on a rustic wooden table";

		HttpResponse<String> started = api.postForm("/api/v1/generations", "photo", "mug.png", photo,
				Map.of("title", "Clay mug", "prompt", prompt, "seed", "3", "width", "512", "height", "512"));

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		JsonNode accepted = api.json(started);
		String product = accepted.get("product").asString();
		assertThat(product).startsWith("studio-");
		JsonNode done = awaitEnd(api, accepted.get("id").asLong());
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		JsonNode meta = api.json(api.get(done.get("images").get(0).get("meta").asString()));
		assertThat(meta.get("prompt").asString()).isEqualTo(prompt);
		assertThat(meta.get("product").asString()).isEqualTo(product);
		BufferedImage image = ImageIO
			.read(new ByteArrayInputStream(api.getBytes(done.get("images").get(0).get("url").asString()).body()));
		assertThat(image.getWidth()).isEqualTo(512);

		// the catalog uploaded again, whole: the studio product is not the catalog's
		long catalogImport = api.uploadSample(2);
		JsonNode reimported = api.json(api.get("/api/v1/catalog-imports/" + catalogImport));
		assertThat(reimported.get("removed").asInt()).as(reimported.toString()).isZero();
		HttpResponse<String> again = api.postForm("/api/v1/generations", "photo", "same.png", photo,
				Map.of("prompt", prompt, "seed", "3", "width", "512", "height", "512"));
		assertThat(api.json(again).get("product").asString()).as("the same photo, the same studio product")
			.isEqualTo(product);
		assertThat(awaitEnd(api, api.json(again).get("id").asLong()).get("images").get(0).get("state").asString())
			.as("and the same image, reused")
			.isEqualTo("SKIPPED_CACHED");
	}

	@Test
	void shouldRefuseGenerationsThatCannotBePlannedNamingWhy() throws Exception {
		MerchantApi api = api(MERCHANT + "-refused");
		api.uploadSample(1);

		assertThat(api.detail(api.post("/api/v1/generations", "{\"product\": \"NOPE-1\"}")))
			.isEqualTo("no product with key 'NOPE-1' in the merchant's catalog");
		assertThat(api.detail(api.post("/api/v1/generations", "{\"template_set\": \"generic\"}")))
			.isEqualTo("field 'product' is required: the product's key in the catalog");
		assertThat(api.detail(api.post("/api/v1/generations",
				"{\"product\": \"MUG-CLAY-01\", \"template_set\": \"generic\", \"scene\": \"moon\"}")))
			.isEqualTo("scene 'moon' is not in template set 'generic'; its scenes: generic-packshot, "
					+ "generic-lifestyle, generic-flat-lay, generic-seasonal");
		assertThat(api
			.detail(api.post("/api/v1/generations", "{\"product\": \"MUG-CLAY-01\", \"template_set\": \"nosuch\"}")))
			.startsWith("unknown template set 'nosuch'; available: ");
		assertThat(api.detail(api.post("/api/v1/generations",
				"{\"product\": \"MUG-CLAY-01\", \"prompt\": \"a gore splattered mug\"}")))
			.startsWith("the prompt is blocked by the merchant's prompt policy: ")
			.contains("gore");
		assertThat(api.detail(api.post("/api/v1/generations", "{\"product\": \"MUG-CLAY-01\", \"variants\": 17}")))
			.isEqualTo("field 'variants' must be from 1 to 16, was 17");
		assertThat(api.detail(api.post("/api/v1/generations", "{\"product\": \"MUG-CLAY-01\", \"seed\": -1}")))
			.isEqualTo("field 'seed' must be from 0 to 4294967295, was -1");
		assertThat(api.detail(api.post("/api/v1/generations", "{\"product\": \"MUG-CLAY-01\", \"width\": 100}")))
			.isEqualTo("field 'width' must be a multiple of 8 from 64 to 2048, was 100");
		assertThat(api.detail(api.post("/api/v1/generations", "{\"product\": \"MUG-CLAY-01\", \"colour\": 1}")))
			.contains("colour");
		assertThat(api.detail(api.get("/api/v1/generations?status=done")))
			.isEqualTo("status must be one of QUEUED, RUNNING, COMPLETED, FAILED, was 'DONE'");
		assertThat(api.get("/api/v1/generations/987654").statusCode()).isEqualTo(404);
		assertThat(api.detail(api.postForm("/api/v1/generations", "photo", "notes.png",
				"not an image".getBytes(StandardCharsets.UTF_8), Map.of("prompt", "a mug"))))
			.startsWith("part 'photo' is not a usable image: ");
		assertThat(api.detail(api.postForm("/api/v1/generations", "picture", "mug.png",
				"not an image".getBytes(StandardCharsets.UTF_8), Map.of("prompt", "a mug"))))
			.contains("photo");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM generation_run WHERE merchant_id = ? AND kind = 'ON_DEMAND'", Integer.class,
				MERCHANT + "-refused"))
			.as("nothing was queued")
			.isZero();
	}

	private JsonNode awaitEnd(MerchantApi api, long id) {
		return await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.json(api.get("/api/v1/generations/" + id)),
					(generation) -> generation.get("status").asString().equals("COMPLETED")
							|| generation.get("status").asString().equals("FAILED"));
	}

	private static List<Long> ids(JsonNode generations) {
		return StreamSupport.stream(generations.spliterator(), false).map((g) -> g.get("id").asLong()).toList();
	}

	private MerchantApi api(String merchant) {
		return new MerchantApi(this.port, bearer(merchant), this.json);
	}

}
