package com.prompt2pixel.moderate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.security.StaffRole;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The review gate end to end: a merchant's policy holds images, reviewers' decisions
 * publish, reject or regenerate them, each audited, and nothing unapproved is published.
 */
class ReviewFunctionalTests extends FunctionalTest {

	@Autowired
	CatalogRuns runs;

	@Autowired
	ReviewPolicies policies;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	ReviewQueue queue;

	@Autowired
	RunSummaries summaries;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldHoldEveryImageUnderPolicyAllAndPublishOnlyWhatIsApproved() throws Exception {
		this.policies.set(merchant("review-all"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-all", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("all")));

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.needsReview()).isEqualTo(run.images()).isEqualTo(4);
		assertThat(run.published()).as("nothing unapproved is published").isZero();
		assertThat(publishedFiles(run)).isEmpty();
		List<ReviewQueue.Item> held = this.queue.list(ReviewQueue.Query.ofRun(run.run()));
		assertThat(held).hasSize(4).allSatisfy((item) -> {
			assertThat(item.reasons()).containsExactly("REVIEW_ALL: the merchant's policy reviews every image");
			assertThat(item.scores()).containsKeys("fidelity", "cutout", "quality", "safety");
		});

		long approved = held.get(0).task();
		ReviewDecisions.Approval approval = this.decisions.approve(List.of(approved), "staff:ana",
				ReviewDecisions.Scope.ALL);

		assertThat(approval.approved()).containsExactly(approved);
		assertThat(state(approved)).as("published at once").isEqualTo("PUBLISHED");
		assertThat(publishedFiles(run)).hasSize(1);
		assertThat(Files.readString(Path.of(run.out()).resolve("manifest.csv")).lines()).as("the manifest lists it")
			.hasSize(2);
		assertThat(
				this.jdbc.queryForMap("SELECT decision, decided_by FROM review_decision WHERE task_id = ?", approved))
			.containsEntry("decision", "APPROVE")
			.containsEntry("decided_by", "staff:ana");
		assertThat(this.queue.list(ReviewQueue.Query.ofRun(run.run()))).hasSize(3);
	}

	@Test
	void shouldPublishALaterRunsReuseOfAHeldImageWhenTheImageIsApproved() throws Exception {
		this.policies.set(merchant("review-reuse"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary first = this.runs
			.start(new RunRequest("review-reuse", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("u1")));
		RunSummary later = this.runs
			.start(new RunRequest("review-reuse", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("u2")));
		assertThat(later.cached()).as("the later run reuses the held images").isEqualTo(4);
		assertThat(publishedFiles(later)).as("and publishes none of them while they are held").isEmpty();

		long approved = this.queue.list(ReviewQueue.Query.ofRun(first.run())).get(0).task();
		ReviewDecisions.Approval approval = this.decisions.approve(List.of(approved), "staff:ana",
				ReviewDecisions.Scope.ALL);

		assertThat(publishedFiles(first)).hasSize(1);
		assertThat(publishedFiles(later)).as("the approved image reaches the later run's folder too").hasSize(1);
		assertThat(Files.readString(Path.of(later.out()).resolve("manifest.csv")).lines()).hasSize(2);
		assertThat(approval.targets()).containsOnlyKeys(first.run(), later.run());
		assertThat(this.jdbc.queryForObject("SELECT state FROM render_task WHERE run_id = ? AND cached_from = ?",
				String.class, later.run(), approved))
			.as("a reuse keeps its state")
			.isEqualTo("SKIPPED_CACHED");
		assertThat(this.summaries.find(later.run()).orElseThrow().published()).isEqualTo(1);
		this.decisions.approveRun(first.run(), "staff:ana", ReviewDecisions.Scope.ALL);
		assertThat(publishedFiles(later)).hasSize(4);
	}

	@Test
	void shouldRejectWithAReasonAndRefuseASecondDecision() {
		this.policies.set(merchant("review-reject"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-reject", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("r")));
		long task = this.queue.list(ReviewQueue.Query.ofRun(run.run())).get(0).task();

		assertThatThrownBy(() -> this.decisions.reject(List.of(task), " ", "staff:bo", ReviewDecisions.Scope.ALL))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a rejection needs a reason");
		this.decisions.reject(List.of(task), "the handle is missing", "staff:bo", ReviewDecisions.Scope.ALL);

		assertThat(state(task)).isEqualTo("REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT state_reason FROM render_task WHERE id = ?", String.class, task))
			.isEqualTo("rejected by staff:bo: the handle is missing");
		assertThatThrownBy(() -> this.decisions.approve(List.of(task), "staff:cy", ReviewDecisions.Scope.ALL))
			.isInstanceOf(ReviewConflictException.class)
			.hasMessage("task " + task + " is REJECTED, not held for review; nothing was decided");
		assertThat(state(task)).isEqualTo("REJECTED");
		assertThat(publishedFiles(run)).isEmpty();
		assertThatThrownBy(() -> this.decisions.approve(List.of(Long.MAX_VALUE), "staff:cy", ReviewDecisions.Scope.ALL))
			.isInstanceOf(NoSuchElementException.class);
		assertThat(this.runs
			.start(new RunRequest("review-reject", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("r2")))
			.cached()).as("a later run does not reuse the rejected image").isEqualTo(3);
	}

	@Test
	void shouldDecideAllOrNothingOverSeveralImages() {
		this.policies.set(merchant("review-bulk"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-bulk", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("b")));
		List<Long> tasks = this.queue.list(ReviewQueue.Query.ofRun(run.run()))
			.stream()
			.map(ReviewQueue.Item::task)
			.toList();
		this.decisions.reject(List.of(tasks.get(0)), "off-brand", "staff:di", ReviewDecisions.Scope.ALL);

		assertThatThrownBy(() -> this.decisions.approve(tasks, "staff:di", ReviewDecisions.Scope.ALL))
			.isInstanceOf(ReviewConflictException.class);
		assertThat(this.queue.list(ReviewQueue.Query.ofRun(run.run()))).as("none of the others was decided").hasSize(3);

		ReviewDecisions.Approval approval = this.decisions.approveRun(run.run(), "staff:di", ReviewDecisions.Scope.ALL);
		assertThat(approval.approved()).containsExactlyElementsOf(tasks.subList(1, 4));
		assertThat(publishedFiles(run)).hasSize(3);
	}

	@Test
	void shouldRegenerateWithANewSeedInARegenerationRunThatIsNotBilled() {
		this.policies.set(merchant("review-regen"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-regen", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("g")));
		long task = this.queue.list(ReviewQueue.Query.ofRun(run.run())).get(0).task();
		Map<String, Object> original = this.jdbc
			.queryForMap("SELECT seed, cache_key, image_sha256 FROM render_task WHERE id = ?", task);
		// the copy is moderated under the policy like any image: let it pass
		this.policies.set("review-regen", ReviewPolicy.AUTO, "test");

		ReviewDecisions.Regeneration regeneration = this.decisions.regenerate(List.of(task), "staff:ed",
				ReviewDecisions.Scope.ALL);
		RunSummary again = this.runs.startRecorded(regeneration.runs().get(0));

		assertThat(state(task)).isEqualTo("REGENERATED");
		assertThat(again.status()).isEqualTo("COMPLETED");
		Map<String, Object> copy = this.jdbc.queryForMap(
				"SELECT id, run_id, state, seed, cache_key, image_key FROM render_task WHERE regenerated_from = ?",
				task);
		assertThat(copy.get("run_id")).isEqualTo(again.run());
		assertThat(copy.get("seed")).isNotEqualTo(original.get("seed"));
		assertThat(copy.get("cache_key")).as("it answers the same request").isEqualTo(original.get("cache_key"));
		assertThat(copy.get("state")).isEqualTo("PUBLISHED");
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM usage_event WHERE run_id = ?", Long.class, again.run()))
			.as("not billed again")
			.isZero();
		assertThat(again.invoiceTotal()).isEqualTo("0.00");
		assertThat(this.summaries.find(run.run()).orElseThrow().regenerated()).isOne();
		RunSummary later = this.runs
			.start(new RunRequest("review-regen", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("g2")));
		assertThat(later.cached()).as("every earlier image is reused").isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM render_task WHERE run_id = ? AND cached_from = ?",
				Long.class, later.run(), copy.get("id")))
			.as("the regenerated scene reuses the image the reviewer's regeneration made")
			.isOne();
	}

	@Test
	void shouldHoldASampleOfPassingImages() {
		this.policies.set(merchant("review-sample"), new ReviewPolicy(ReviewPolicy.Mode.SAMPLE, 50), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-sample", SampleCatalogs.firstProducts(this.folder, 4), null, 1, out("s")));

		List<ReviewQueue.Item> held = this.queue.list(ReviewQueue.Query.ofRun(run.run()));
		List<ReviewQueue.Item> sampled = this.queue.list(new ReviewQueue.Query(null, run.run(), "SAMPLED", null));
		assertThat(sampled).as("about half of 16 images")
			.hasSizeBetween(3, 13)
			.allSatisfy((item) -> assertThat(item.reasons())
				.containsExactly("SAMPLED: quality-control sample of 50% of passing images"));
		assertThat(held).as("flagged images are held whatever the sample").containsAll(sampled);
		assertThat(run.published()).isEqualTo(run.images() - held.size());
	}

	@Test
	void shouldServeTheQueueAndDecisionsToReviewersOverTheApi() throws Exception {
		this.policies.set(merchant("review-api"), new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		RunSummary run = this.runs
			.start(new RunRequest("review-api", SampleCatalogs.firstProducts(this.folder, 1), null, 1, out("a")));
		String reviewer = basic(StaffRole.REVIEWER);

		HttpResponse<String> listed = call("GET", "/api/v1/review?run=" + run.run() + "&reason=REVIEW_ALL", reviewer,
				null);
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		JsonNode items = this.json.readTree(listed.body());
		assertThat(items.size()).isEqualTo(4);
		long first = items.get(0).get("task").asLong();
		long second = items.get(1).get("task").asLong();
		assertThat(items.get(0).get("held_at").asString()).isNotBlank();

		HttpResponse<String> approved = call("POST", "/api/v1/review/" + first + "/approve", reviewer, null);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(state(first)).isEqualTo("PUBLISHED");
		HttpResponse<String> again = call("POST", "/api/v1/review/" + first + "/approve", reviewer, null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("is PUBLISHED, not held for review");

		HttpResponse<String> noReason = call("POST", "/api/v1/review/decisions", reviewer,
				"{\"decision\": \"reject\", \"tasks\": [" + second + "]}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("a rejection needs a reason");
		HttpResponse<String> unknown = call("POST", "/api/v1/review/decisions", reviewer,
				"{\"decision\": \"maybe\", \"tasks\": [" + second + "]}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("field 'decision' must be approve, reject or regenerate");
		HttpResponse<String> rejected = call("POST", "/api/v1/review/decisions", reviewer,
				"{\"decision\": \"reject\", \"tasks\": [" + second + "], \"reason\": \"blurry label\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(state(second)).isEqualTo("REJECTED");

		HttpResponse<String> trail = call("GET", "/api/v1/review/" + second + "/decisions", reviewer, null);
		JsonNode entries = this.json.readTree(trail.body());
		assertThat(entries.size()).isOne();
		assertThat(entries.get(0).get("decision").asString()).isEqualTo("REJECT");
		assertThat(entries.get(0).get("reason").asString()).isEqualTo("blurry label");
		assertThat(entries.get(0).get("decided_by").asString()).startsWith("staff:reviewer-");
		assertThat(call("GET", "/api/v1/review/" + Long.MAX_VALUE + "/decisions", reviewer, null).statusCode())
			.isEqualTo(404);
		assertThat(call("GET", "/api/v1/review", basic(StaffRole.OPERATOR), null).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/review", bearer("review-api"), null).statusCode()).isEqualTo(401);
	}

	private String merchant(String id) {
		// a merchant exists once it has a key
		apiKey(id);
		return id;
	}

	private Path out(String name) {
		return this.folder.resolve("out-" + name);
	}

	private String state(long task) {
		return this.jdbc.queryForObject("SELECT state FROM render_task WHERE id = ?", String.class, task);
	}

	private static List<Path> publishedFiles(RunSummary run) {
		Path out = Path.of(run.out());
		if (!Files.isDirectory(out)) {
			return List.of();
		}
		try (var files = Files.walk(out)) {
			return files.filter((file) -> file.toString().endsWith(".png")).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", authorization);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
