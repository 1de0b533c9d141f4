package com.prompt2pixel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class RunApiFunctionalTests extends FunctionalTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CatalogRuns runs;

	@Autowired
	JsonMapper json;

	@Autowired
	Scheduler scheduler;

	@TempDir
	Path folder;

	@Test
	void shouldReportARunsStatusAndCountsAsJson() throws Exception {
		RunSummary run = this.runs
			.start(new RunRequest("api", SampleCatalogs.firstProducts(this.folder, 2), null, 1, this.folder));

		HttpResponse<String> response = get("/api/v1/runs/" + run.run(), "api");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("run").asLong()).isEqualTo(run.run());
		assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(body.get("products").asInt()).isEqualTo(2);
		assertThat(body.get("images").asInt()).isEqualTo(8);
		assertThat(body.get("published").asInt()).isEqualTo(8);
		assertThat(body.get("invoice_total").asString()).isEqualTo("0.32");
		assertThat(body.get("currency").asString()).isEqualTo("USD");
	}

	@Test
	void shouldReportARunsProgressAsJson() throws Exception {
		RunSummary run = this.runs
			.start(new RunRequest("api-progress", SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder));

		HttpResponse<String> response = get("/api/v1/runs/" + run.run() + "/progress", "api-progress");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(body.get("submitted").asBoolean()).as("run in place, not queued").isFalse();
		assertThat(body.get("tasks").get("PUBLISHED").asInt()).isEqualTo(4);
		assertThat(body.get("total").asInt()).isEqualTo(4);
		assertThat(body.get("pending").asInt()).isZero();
		assertThat(body.get("eta").isNull()).isTrue();
		assertThat(get("/api/v1/runs/987654/progress", "api-progress").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownRun() throws Exception {
		assertThat(get("/api/v1/runs/987654", "api").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldReportHealthUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void shouldRunTheSchedulerOnTheDatabaseJobStoreThatFlywayCreated() throws Exception {
		assertThat(this.scheduler.isStarted()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
	}

	/** A GET with the merchant's API key, or anonymous when merchant is null. */
	private HttpResponse<String> get(String path, String merchant) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (merchant != null) {
			request.header("Authorization", bearer(merchant));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
