package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.cli.Jar.Result;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review commands as scripts call them, on the packaged jar: a policy that holds
 * every image, then each decision, and {@code export-run} with what was approved. A class
 * of its own, so that it runs beside CliIT.
 */
class ReviewIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workdir;

	@Test
	void shouldHoldEveryImageThenPublishWhatIsApprovedAndRegenerateWhatIsSentBack() throws Exception {
		Jar jar = new Jar(this.workdir);
		Result policy = jar.run(Map.of(), "review-policy", "--merchant", "demo", "--policy", "all");
		assertThat(policy.exitCode()).as(policy.stderr()).isZero();
		assertThat(policy.stdout()).contains("merchant demo: review policy all");
		Result bad = jar.run(Map.of(), "review-policy", "--merchant", "demo", "--policy", "sample");
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.stderr().strip()).isEqualTo("error: the policy 'sample' needs --sample-percent N");

		Path catalog = SampleCatalogs.firstProducts(this.workdir.resolve("catalog"), 1);
		Result run = jar.run(Map.of(), "run", "--catalog", catalog.toString());
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		assertThat(run.summary().get("needs_review").asInt()).isEqualTo(4);
		assertThat(run.summary().get("published").asInt()).isZero();

		Result listed = jar.run(Map.of(), "review", "list", "--run", "1");
		assertThat(listed.exitCode()).as(listed.stderr()).isZero();
		List<JsonNode> held = listed.stdout()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.toList();
		assertThat(held).hasSize(4);
		assertThat(held.get(0).get("reasons").get(0).asString()).startsWith("REVIEW_ALL:");
		assertThat(held.get(0).get("scores").has("fidelity")).isTrue();
		String first = held.get(0).get("task").asString();
		String second = held.get(1).get("task").asString();
		String third = held.get(2).get("task").asString();

		Result approved = jar.run(Map.of(), "review", "approve", "--run", "1", "--task", first);
		assertThat(approved.exitCode()).as(approved.stderr()).isZero();
		assertThat(last(approved).get("approved").get(0).asString()).isEqualTo(first);
		Result again = jar.run(Map.of(), "review", "approve", "--run", "1", "--task", first);
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.stderr()).contains("task " + first + " is PUBLISHED, not held for review");

		Result rejected = jar.run(Map.of(), "review", "reject", "--task", second, "--reason", "label is wrong");
		assertThat(rejected.exitCode()).as(rejected.stderr()).isZero();

		// the copy is moderated under the policy too, so it is held again
		Result regenerated = jar.run(Map.of(), "review", "regenerate", "--task", third);
		assertThat(regenerated.exitCode()).as(regenerated.stderr()).isZero();
		JsonNode regeneration = last(regenerated);
		assertThat(regeneration.get("state").asString()).isEqualTo("NEEDS_REVIEW");
		assertThat(regeneration.get("run").get("status").asString()).isEqualTo("COMPLETED");
		assertThat(regeneration.get("run").get("invoice_total").asString()).isEqualTo("0.00");
		assertThat(regeneration.get("seed").asLong()).isNotEqualTo(held.get(2).get("seed").asLong());

		Result rest = jar.run(Map.of(), "review", "approve", "--run", "1", "--all");
		assertThat(rest.exitCode()).as(rest.stderr()).isZero();
		assertThat(last(rest).get("approved").size()).as("the one left of the run's four").isOne();

		Result exported = jar.run(Map.of(), "export-run", "--run", "1", "--out", "exported");
		assertThat(exported.exitCode()).as(exported.stderr()).isZero();
		Manifest.of(this.workdir.resolve("exported")).assertEveryImageListedOnceWithItsChecksum(2);
		Result missing = jar.run(Map.of(), "review", "reject", "--task", "999", "--reason", "x");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).contains("error: no task with id 999");
	}

	private static JsonNode last(Result result) {
		List<String> lines = result.stdout().lines().filter((line) -> line.startsWith("{")).toList();
		assertThat(lines).as(result.stdout()).isNotEmpty();
		return JSON.readTree(lines.get(lines.size() - 1));
	}

}
