package com.prompt2pixel.moderate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.publish.PublishTarget;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.publish.PublishTargets;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;
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

/**
 * A merchant reports a published image: it comes down from the run's folder, the
 * merchant's target and a later run that reused it, goes back to review, and its charge
 * is credited on the run's invoice, once; a reviewer's approval puts it back.
 */
class ImageReportFunctionalTests extends FunctionalTest {

	private static final String MERCHANT = "reporter";

	@Autowired
	CatalogRuns runs;

	@Autowired
	RunSummaries summaries;

	@Autowired
	PublishTargets targets;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void shouldTakeAReportedImageDownEverywhereCreditItOnceAndPublishItAgainWhenApproved() throws Exception {
		MerchantApi api = new MerchantApi(this.port, bearer(MERCHANT), this.json);
		Path shop = this.folder.resolve("shop");
		this.targets.set(new PublishTarget(MERCHANT, Kind.FOLDER, shop, null, null, null, ImageEncoder.Settings.png()));
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);
		RunSummary run = this.runs.start(new RunRequest(MERCHANT, catalog, null, 1, this.folder.resolve("out")));
		RunSummary later = this.runs.start(new RunRequest(MERCHANT, catalog, null, 1, this.folder.resolve("later")));
		assertThat(run.published()).isEqualTo(4);
		assertThat(later.cached()).isEqualTo(4);
		assertThat(run.invoiceTotal()).isEqualTo("0.16");
		assertThat(pngs(shop)).hasSize(4);
		long image = this.jdbc.queryForObject("SELECT min(id) FROM render_task WHERE run_id = ?", Long.class,
				run.run());
		long reused = this.jdbc.queryForObject("SELECT id FROM render_task WHERE cached_from = ?", Long.class, image);

		assertThat(api.post("/api/v1/images/" + image + "/report", "{\"reason\": \"  \"}").statusCode()).isEqualTo(400);
		JsonNode report = api
			.json(api.post("/api/v1/images/" + image + "/report", "{\"reason\": \"the mug has two handles\"}"));

		assertThat(report.get("state").asString()).isEqualTo("NEEDS_REVIEW");
		assertThat(report.get("took_down").asBoolean()).isTrue();
		assertThat(report.get("images")).extracting(JsonNode::asLong).containsExactly(image, reused);
		assertThat(report.get("removed").asInt()).as("both runs' own copies and the shop's file").isEqualTo(3);
		assertThat(report.get("credited").decimalValue()).isEqualByComparingTo("0.04");
		assertThat(state(reused)).isEqualTo("NEEDS_REVIEW");
		assertThat(pngs(shop)).hasSize(3);
		assertThat(pngs(Path.of(run.out()))).hasSize(3);
		assertThat(manifestRows(run)).hasSize(3);
		RunSummary after = this.summaries.find(run.run()).orElseThrow();
		assertThat(after.published()).isEqualTo(3);
		assertThat(after.needsReview()).isOne();
		assertThat(after.invoiceTotal()).isEqualTo("0.12");
		assertThat(this.jdbc.queryForList("""
				SELECT l.description || ' ' || l.amount FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
				WHERE i.run_id = ? ORDER BY l.id""", String.class, run.run())).containsExactly("Generated images 0.16",
				"Credit: reported image " + image + " -0.04");
		assertThat(this.jdbc.queryForObject("SELECT state_reason FROM render_task WHERE id = ?", String.class, image))
			.isEqualTo("REPORTED: the mug has two handles");

		JsonNode again = api.json(api.post("/api/v1/images/" + image + "/report", "{\"reason\": \"still wrong\"}"));
		assertThat(again.get("took_down").asBoolean()).isFalse();
		assertThat(again.get("removed").asInt()).isZero();
		assertThat(again.get("credited").isNull()).as("credited once").isTrue();
		assertThat(this.summaries.find(run.run()).orElseThrow().invoiceTotal()).isEqualTo("0.12");

		this.decisions.approve(List.of(image), "staff:fay", ReviewDecisions.Scope.ALL);
		assertThat(state(image)).isEqualTo("PUBLISHED");
		assertThat(pngs(Path.of(run.out()))).hasSize(4);
		assertThat(pngs(shop)).as("back in the shop").hasSize(4);
		assertThat(manifestRows(run)).hasSize(4);
		assertThat(this.summaries.find(run.run()).orElseThrow().published()).isEqualTo(4);
	}

	@Test
	void shouldRefuseAReportOfAnImageThatWasNeverPublished() throws Exception {
		MerchantApi api = new MerchantApi(this.port, bearer("reporter-held"), this.json);
		apiKey("reporter-held");
		this.jdbc.update("INSERT INTO review_policy (merchant_id, policy, updated_by) VALUES (?, 'ALL', 'test')",
				"reporter-held");
		RunSummary run = this.runs.start(new RunRequest("reporter-held", SampleCatalogs.firstProducts(this.folder, 1),
				null, 1, this.folder.resolve("held")));
		long image = this.jdbc.queryForObject("SELECT min(id) FROM render_task WHERE run_id = ?", Long.class,
				run.run());

		var report = api.post("/api/v1/images/" + image + "/report", "{\"reason\": \"odd\"}");

		assertThat(report.statusCode()).isEqualTo(409);
		assertThat(api.json(report).get("detail").asString()).isEqualTo(
				"image " + image + " is NEEDS_REVIEW and was never published; only a published image can be reported");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM usage_event WHERE task_id = ? AND quantity < 0",
				Long.class, image))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM image_report WHERE task_id = ?", Long.class, image))
			.isZero();
		assertThat(api.post("/api/v1/images/" + Long.MAX_VALUE + "/report", "{\"reason\": \"odd\"}").statusCode())
			.isEqualTo(404);
	}

	private String state(long task) {
		return this.jdbc.queryForObject("SELECT state FROM render_task WHERE id = ?", String.class, task);
	}

	private static List<String> manifestRows(RunSummary run) throws IOException {
		return Files.readAllLines(Path.of(run.out()).resolve("manifest.csv")).stream().skip(1).toList();
	}

	private static List<Path> pngs(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.toString().endsWith(".png")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
