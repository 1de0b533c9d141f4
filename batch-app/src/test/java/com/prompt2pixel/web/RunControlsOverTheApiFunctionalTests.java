package com.prompt2pixel.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MerchantApi;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stop, resume and cancel of submitted runs over real HTTP, while they execute and while
 * they wait: a stopped run stays stopped through the dispatcher's ticks until it is
 * resumed, then finishes from where it stopped; a cancelled one ends CANCELLED, unbilled;
 * what does not fit a run's state is a 409 that says why.
 */
class RunControlsOverTheApiFunctionalTests extends FunctionalTest {

	private static final String MERCHANT = "api-controls";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	CatalogRuns runs;

	@TempDir
	Path folder;

	@Test
	void shouldStopHoldAndResumeARunningRunAndCancelAWaitingOne() throws Exception {
		retireSubmittedRuns();
		MerchantApi api = api();
		long catalogImport = api.uploadSample(3);
		// the first chunk renders, the second waits in the generator
		this.generator.holdAfter(1);
		long running = start(api, catalogImport);
		assertThat(this.generator.awaitHeld(30)).isTrue();
		long waiting = start(api, catalogImport);
		assertThat(status(api, waiting)).as("one batch run at a time").isEqualTo("QUEUED");

		HttpResponse<String> cancelled = api.post("/api/v1/runs/" + waiting + "/cancel", "");
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
		assertThat(api.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
		HttpResponse<String> stopping = api.post("/api/v1/runs/" + running + "/stop", "");
		assertThat(stopping.statusCode()).as(stopping.body()).isEqualTo(202);
		assertThat(api.json(stopping).get("status").asString()).isEqualTo("STOPPING");
		this.generator.release();

		await().atMost(Duration.ofSeconds(30)).until(() -> status(api, running), "STOPPED"::equals);
		// held through the dispatcher's ticks
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> status(api, running), "STOPPED"::equals);
		JsonNode stopped = api.json(api.get("/api/v1/runs/" + running + "/progress"));
		assertThat(stopped.get("pending").asLong()).as(stopped.toString()).isPositive();
		assertThat(api.post("/api/v1/runs/" + running + "/stop", "").statusCode()).as("stopping again is no harm")
			.isEqualTo(202);

		assertThat(api.post("/api/v1/runs/" + running + "/resume", "").statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).until(() -> status(api, running), "COMPLETED"::equals);
		JsonNode summary = api.json(api.get("/api/v1/runs/" + running));
		// every task once (3 products, 4 scenes, 4 variants); the other test's renders of
		// the same tasks reused
		assertThat(summary.get("images").asInt() + summary.get("cached").asInt()).as(summary.toString()).isEqualTo(48);
		JsonNode neverRun = api.json(api.get("/api/v1/runs/" + waiting));
		assertThat(neverRun.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(neverRun.get("failure").asString()).isEqualTo("cancelled on request");
		assertThat(neverRun.get("images").asInt()).isZero();

		assertThat(conflict(api.post("/api/v1/runs/" + running + "/stop", ""))).isEqualTo(
				"run " + running + " is COMPLETED; only a queued, waiting, running or stopped run can be stopped");
		assertThat(conflict(api.post("/api/v1/runs/" + running + "/cancel", "")))
			.isEqualTo("run " + running + " is COMPLETED; a completed or cancelled run cannot be cancelled");
		assertThat(conflict(api.post("/api/v1/runs/" + waiting + "/resume", "")))
			.isEqualTo("run " + waiting + " is CANCELLED; only a stopped or failed run can be resumed");
	}

	@Test
	void shouldCancelARunningRunAtItsNextChunkUnbilled() throws Exception {
		retireSubmittedRuns();
		MerchantApi api = api();
		long catalogImport = api.uploadSample(3);
		this.generator.holdAfter(1);
		long run = start(api, catalogImport);
		assertThat(this.generator.awaitHeld(30)).isTrue();
		assertThat(conflict(api.post("/api/v1/runs/" + run + "/resume", "")))
			.isEqualTo("run " + run + " is RUNNING; only a stopped or failed run can be resumed");

		assertThat(api.post("/api/v1/runs/" + run + "/cancel", "").statusCode()).isEqualTo(202);
		assertThat(conflict(api.post("/api/v1/runs/" + run + "/stop", "")))
			.isEqualTo("run " + run + " is being cancelled");
		this.generator.release();

		await().atMost(Duration.ofSeconds(30)).until(() -> status(api, run), "CANCELLED"::equals);
		JsonNode summary = api.json(api.get("/api/v1/runs/" + run));
		assertThat(summary.get("invoice_total").isNull()).as("not billed").isTrue();
		assertThat(summary.get("published").asInt()).isZero();
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> status(api, run), "CANCELLED"::equals);
	}

	@Test
	void shouldRetryTheFailedTasksOfAnEndedRunAsANewRun() throws Exception {
		retireSubmittedRuns();
		MerchantApi api = api();
		long catalogImport = api.uploadSample(2);
		// the backend refuses the flat lays: one task per product fails
		this.generator.refusePromptsContaining("overhead flat lay");
		long run = api
			.json(api.post("/api/v1/runs",
					"{\"catalog_import\": " + catalogImport
							+ ", \"template_set\": \"generic\", \"variants\": 1, \"priority\": \"on-demand\"}"))
			.get("run")
			.asLong();
		assertThat(conflict(api.post("/api/v1/runs/" + run + "/retry-failed", ""))).as("not ended yet")
			.startsWith("run " + run + " is ");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(api, run), "COMPLETED"::equals);
		assertThat(api.json(api.get("/api/v1/runs/" + run)).get("failed").asInt()).isEqualTo(2);
		this.generator.reset();

		HttpResponse<String> retried = api.post("/api/v1/runs/" + run + "/retry-failed", "");

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		long retry = api.json(retried).get("run").asLong();
		assertThat(retried.headers().firstValue("Location")).hasValue("/api/v1/runs/" + retry);
		assertThat(api.json(retried).get("priority").asString()).as("the run's own lane").isEqualTo("on-demand");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(api, retry), "COMPLETED"::equals);
		JsonNode summary = api.json(api.get("/api/v1/runs/" + retry));
		assertThat(summary.get("images").asInt()).as(summary.toString()).isEqualTo(2);
		assertThat(summary.get("failed").asInt()).isZero();
		assertThat(summary.get("invoice_total").asString()).as("the two images only").isEqualTo("0.08");
		JsonNode images = api.json(api.get("/api/v1/runs/" + retry + "/images"));
		assertThat(images.get("images").findValues("scene").stream().map(JsonNode::asString))
			.containsOnly("generic-flat-lay");
		assertThat(api.json(api.get("/api/v1/runs/" + run)).get("failed").asInt()).as("the run itself as it was")
			.isEqualTo(2);
		assertThat(conflict(api.post("/api/v1/runs/" + retry + "/retry-failed", "")))
			.isEqualTo("run " + retry + " has no failed tasks");
	}

	@Test
	void shouldRefuseToControlARunTheCliRanInPlace() throws Exception {
		long inPlace = this.runs
			.start(new RunRequest(MERCHANT, SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder))
			.run();

		assertThat(conflict(api().post("/api/v1/runs/" + inPlace + "/stop", ""))).isEqualTo("run " + inPlace
				+ " was not submitted to the queue (the CLI ran it in place), so it cannot be controlled here");
	}

	private long start(MerchantApi api, long catalogImport) throws Exception {
		HttpResponse<String> started = api.post("/api/v1/runs",
				"{\"catalog_import\": " + catalogImport + ", \"variants\": 4}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return api.json(started).get("run").asLong();
	}

	private static String status(MerchantApi api, long run) throws Exception {
		return api.json(api.get("/api/v1/runs/" + run + "/progress")).get("status").asString();
	}

	private static String conflict(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		return response.body().replaceAll("(?s).*\"detail\":\"([^\"]*)\".*", "$1");
	}

	private MerchantApi api() {
		return new MerchantApi(this.port, bearer(MERCHANT), this.json);
	}

}
