package com.prompt2pixel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.prompt2pixel.ingest.IngestProperties;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Multipart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} over real HTTP: a repeated request gets the first answer and
 * creates nothing; the key with another request is refused; a failed request leaves the
 * key free; merchants' keys never meet.
 */
class IdempotencyFunctionalTests extends FunctionalTest {

	private static final String CSV = "sku,title,image\nI1,Vase,https://x.example/1.jpg\n";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	IngestProperties ingest;

	@Test
	void shouldReplayTheFirstAnswerToARepeatedUploadAndKeepOneImport() throws Exception {
		HttpResponse<String> first = upload("idem-upload", "key-1", CSV);
		HttpResponse<String> repeat = upload("idem-upload", "key-1", CSV);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(repeat.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(repeat.body())).isEqualTo(this.json.readTree(first.body()));
		assertThat(repeat.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(imports("idem-upload")).isOne();
		try (Stream<Path> kept = Files.list(this.ingest.uploadsDir().resolve("idem-upload"))) {
			assertThat(kept).as("the repeat's file is not kept").hasSize(1);
		}

		HttpResponse<String> other = upload("idem-upload", "key-1", CSV + "I2,Bowl,https://x.example/2.jpg\n");

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(other.body()).get("detail").asString())
			.startsWith("this Idempotency-Key was used for another request");
		assertThat(imports("idem-upload")).isOne();
		assertThat(upload("idem-other", "key-1", CSV).headers().firstValue("Idempotent-Replayed"))
			.as("another merchant's same key is its own")
			.isEmpty();
		assertThat(upload("idem-upload", "k".repeat(256), CSV).statusCode()).isEqualTo(400);
	}

	@Test
	void shouldLeaveTheKeyFreeWhenTheFirstRequestFails() throws Exception {
		HttpResponse<String> refused = upload("idem-fail", "key-2", "\u0000\u0001binary");
		HttpResponse<String> mended = upload("idem-fail", "key-2", CSV);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(mended.statusCode()).as(mended.body()).isEqualTo(202);
		assertThat(mended.headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void shouldStartOneRunForARepeatedStart() throws Exception {
		retireSubmittedRuns();
		long catalogImport = this.json.readTree(upload("idem-run", null, CSV).body()).get("import").asLong();
		org.awaitility.Awaitility.await()
			.until(() -> this.jdbc.queryForObject("SELECT status FROM catalog_import WHERE id = ?", String.class,
					catalogImport), "COMPLETED"::equals);
		String body = "{\"catalog_import\": " + catalogImport + ", \"priority\": \"on-demand\"}";

		HttpResponse<String> first = start("idem-run", "start-1", body);
		HttpResponse<String> repeat = start("idem-run", "start-1",
				"{ \"priority\": \"on-demand\", \"catalog_import\": " + catalogImport + " }");

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(repeat.statusCode()).as("the same request, written otherwise").isEqualTo(202);
		assertThat(this.json.readTree(repeat.body()).get("run")).isEqualTo(this.json.readTree(first.body()).get("run"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generation_run WHERE merchant_id = 'idem-run'",
				Long.class))
			.isOne();
	}

	private long imports(String merchant) {
		return this.jdbc.queryForObject("SELECT count(*) FROM catalog_import WHERE merchant_id = ?", Long.class,
				merchant);
	}

	private HttpResponse<String> start(String merchant, String key, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/runs"))
			.header("Authorization", bearer(merchant))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String merchant, String key, String content) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/catalog-imports"))
			.header("Authorization", bearer(merchant))
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("c.csv", content));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
