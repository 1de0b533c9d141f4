package com.prompt2pixel.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MerchantApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A merchant's whole way through the API, over real HTTP: a ZIP of three sample products
 * uploaded, a run of that import started in the on-demand lane, its progress polled to
 * the end, its images listed, downloaded (with their ETag) and described, its manifest
 * read; and the refusals on the way.
 */
class RunsOverTheApiFunctionalTests extends FunctionalTest {

	private static final String MERCHANT = "api-runs";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void shouldUploadRunAndDownloadTheImages() throws Exception {
		retireSubmittedRuns();
		long catalogImport = uploadSample(3);

		HttpResponse<String> started = post("/api/v1/runs",
				"{\"catalog_import\": " + catalogImport + ", \"priority\": \"on-demand\", \"variants\": 1}");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long run = this.json.readTree(started.body()).get("run").asLong();
		assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/runs/" + run);
		assertThat(this.json.readTree(started.body()).get("priority").asString()).isEqualTo("on-demand");
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> json(get("/api/v1/runs/" + run + "/progress")).get("status").asString(),
					(status) -> status.equals("COMPLETED") || status.equals("FAILED"));
		JsonNode summary = json(get("/api/v1/runs/" + run));
		assertThat(summary.get("status").asString()).as(summary.toString()).isEqualTo("COMPLETED");
		assertThat(summary.get("images").asInt()).isEqualTo(12);
		assertThat(summary.get("out").isNull()).as("the server's folder is not the merchant's business").isTrue();

		JsonNode listed = json(get("/api/v1/runs?status=completed"));
		assertThat(listed.get("runs").findValues("run").stream().map(JsonNode::asLong)).contains(run);
		JsonNode images = json(get("/api/v1/runs/" + run + "/images?size=5"));
		assertThat(images.get("images")).hasSize(5);
		assertThat(json(get("/api/v1/runs/" + run + "/images?size=5&page=2")).get("images")).hasSize(2);
		JsonNode first = images.get("images").get(0);
		HttpResponse<byte[]> png = api().getBytes(first.get("url").asString());
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
		String etag = png.headers().firstValue("ETag").orElseThrow();
		assertThat(png.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, private, immutable");
		HttpResponse<byte[]> unchanged = api().getBytes(first.get("url").asString(), "If-None-Match", etag);
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		JsonNode meta = json(get(first.get("meta").asString()));
		assertThat(meta.get("prompt").asString()).isNotBlank();
		assertThat(meta.get("seed").asLong()).isEqualTo(first.get("seed").asLong());
		assertThat(meta.get("sha256").asString()).isEqualTo(etag.replace("\"", ""));
		HttpResponse<String> manifest = get("/api/v1/runs/" + run + "/manifest.csv");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.body().lines()).hasSize(13);
	}

	@Test
	void shouldRefuseRunsThatCannotBeStartedNamingWhy() throws Exception {
		// 8 of 20 rows without a title: over the skip limit
		StringBuilder broken = new StringBuilder("sku,title,image\n");
		for (int i = 0; i < 20; i++) {
			broken.append("B")
				.append(i)
				.append(',')
				.append((i < 8) ? "" : "Vase " + i)
				.append(",https://x.example/")
				.append(i)
				.append(".jpg\n");
		}
		long failed = this.json
			.readTree(upload("broken.csv", broken.toString().getBytes(StandardCharsets.UTF_8)).body())
			.get("import")
			.asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> json(get("/api/v1/catalog-imports/" + failed)).get("status").asString(), "FAILED"::equals);

		JsonNode failedImport = json(get("/api/v1/catalog-imports/" + failed));
		assertThat(failedImport.get("error_report").asString()).as(failedImport.toString())
			.isEqualTo("/api/v1/catalog-imports/" + failed + "/errors.csv");
		assertThat(get("/api/v1/catalog-imports/" + failed + "/errors.csv").body().lines()).hasSize(9);
		assertThat(detail(post("/api/v1/runs", "{\"catalog_import\": " + failed + "}")))
			.isEqualTo("catalog import " + failed + " is FAILED; only a completed import can be run");
		assertThat(detail(post("/api/v1/runs", "{\"catalog_import\": 987654}")))
			.isEqualTo("no catalog import with id 987654");
		assertThat(detail(post("/api/v1/runs", "{}")))
			.isEqualTo("field 'catalog_import' is required: the id of a completed import");
		assertThat(detail(post("/api/v1/runs", "{\"catalog_import\": 1, \"priority\": \"urgent\"}")))
			.isEqualTo("priority must be on-demand or batch, was 'urgent'");
		assertThat(detail(post("/api/v1/runs", "{\"catalog_import\": \"one\"}"))).startsWith("field 'catalog_import'");
		assertThat(detail(get("/api/v1/runs?status=done"))).startsWith("status must be one of QUEUED, ");
		assertThat(detail(get("/api/v1/runs?size=0"))).isEqualTo("size must be 1-200, was 0");
		assertThat(get("/api/v1/images/987654").statusCode()).isEqualTo(404);
	}

	private long uploadSample(int count) throws Exception {
		return api().uploadSample(count);
	}

	private HttpResponse<String> upload(String name, byte[] content) throws Exception {
		return api().upload(name, content);
	}

	private JsonNode json(HttpResponse<String> response) {
		return api().json(response);
	}

	private String detail(HttpResponse<String> response) {
		return api().detail(response);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return api().get(path);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return api().post(path, body);
	}

	private MerchantApi api() {
		return new MerchantApi(this.port, bearer(MERCHANT), this.json);
	}

}
