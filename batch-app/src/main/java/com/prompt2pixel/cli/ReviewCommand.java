package com.prompt2pixel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.prompt2pixel.moderate.ReviewDecisions;
import com.prompt2pixel.moderate.ReviewQueue;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code review list|approve|reject|regenerate}: the review of held images from the
 * command line, as a reviewer's, audited as {@code cli:<user>}.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
		description = "Reviews the images held for a person: list them, approve (published at once to the run's "
				+ "targets), reject with a reason, or regenerate with a new seed (not billed again).",
		subcommands = { ReviewCommand.ListHeld.class, ReviewCommand.Approve.class, ReviewCommand.Reject.class,
				ReviewCommand.Regenerate.class })
class ReviewCommand implements Runnable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	/** Who the audit names for a decision made here. */
	static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	/** A task or run that is not there is bad input (exit 2), as the CLI's others are. */
	private static <T> T found(Supplier<T> decision) {
		try {
			return decision.get();
		}
		catch (NoSuchElementException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Prints one JSON line per held image of the run, oldest hold first: task, product, "
					+ "scene, variant, seed, reasons, scores.")
	static class ListHeld implements Callable<Integer> {

		@Option(names = "--run", required = true, paramLabel = "ID", description = "the run")
		long run;

		@Option(names = "--reason", paramLabel = "FLAG", description = "only images held for this flag")
		String reason;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				List<String> lines = new ArrayList<>();
				for (ReviewQueue.Item item : context.getBean(ReviewQueue.class)
					.list(new ReviewQueue.Query(null, this.run, this.reason, ReviewQueue.MAX_LIMIT))) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("task", item.task());
					line.put("product", item.product());
					line.put("scene", item.scene());
					line.put("variant", item.variant());
					line.put("seed", item.seed());
					line.put("reasons", item.reasons());
					line.put("scores", item.scores());
					lines.add(JSON.writeValueAsString(line));
				}
				return OneShot.Output.ok(lines);
			});
		}

	}

	@Command(name = "approve", mixinStandardHelpOptions = true,
			description = "Approves held images; each is published at once to the run's folder and targets. The "
					+ "last line is {\"run\": ID, \"approved\": [TASK...], \"targets\": {...}}.")
	static class Approve implements Callable<Integer> {

		@Option(names = "--run", required = true, paramLabel = "ID", description = "the run")
		long run;

		@ArgGroup(multiplicity = "1")
		Which which;

		static class Which {

			@Option(names = "--all", required = true, description = "every held image of the run")
			boolean all;

			@Option(names = "--task", required = true, paramLabel = "ID", description = "one held image")
			Long task;

		}

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				ReviewDecisions decisions = context.getBean(ReviewDecisions.class);
				ReviewDecisions.Approval approval;
				if (this.which.all) {
					approval = found(() -> decisions.approveRun(this.run, actor(), ReviewDecisions.Scope.ALL));
				}
				else {
					Long runOfTask = context.getBean(JdbcTemplate.class)
						.queryForList("SELECT run_id FROM render_task WHERE id = ?", Long.class, this.which.task)
						.stream()
						.findFirst()
						.orElse(null);
					if (runOfTask == null || runOfTask != this.run) {
						throw new IllegalArgumentException("run " + this.run + " has no task " + this.which.task);
					}
					approval = found(
							() -> decisions.approve(List.of(this.which.task), actor(), ReviewDecisions.Scope.ALL));
				}
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("run", this.run);
				json.put("approved", approval.approved());
				json.put("targets", approval.targets().getOrDefault(this.run, Map.of()));
				boolean failed = approval.targets()
					.values()
					.stream()
					.flatMap((outcomes) -> outcomes.values().stream())
					.anyMatch((outcome) -> outcome.failed() > 0);
				return new OneShot.Output(failed ? Cli.FAILED : 0, List.of(JSON.writeValueAsString(json)), List.of());
			});
		}

	}

	@Command(name = "reject", mixinStandardHelpOptions = true,
			description = "Rejects a held image with a reason; it is never published.")
	static class Reject implements Callable<Integer> {

		@Option(names = "--task", required = true, paramLabel = "ID", description = "the held image's task")
		long task;

		@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, for the audit")
		String reason;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				found(() -> context.getBean(ReviewDecisions.class)
					.reject(List.of(this.task), this.reason, actor(), ReviewDecisions.Scope.ALL));
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("task", this.task);
				json.put("state", "REJECTED");
				return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
			});
		}

	}

	@Command(name = "regenerate", mixinStandardHelpOptions = true,
			description = "Sends a held image back: a regeneration run renders it again with a new seed, here and "
					+ "now, and moderates it under the merchant's policy; it is not billed again. The last line "
					+ "is {\"task\": ID, \"new_task\": ID, \"state\": STATE, \"run\": {summary}}.")
	static class Regenerate implements Callable<Integer> {

		@Option(names = "--task", required = true, paramLabel = "ID", description = "the held image's task")
		long task;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				ReviewDecisions.Regeneration regeneration = found(() -> context.getBean(ReviewDecisions.class)
					.regenerate(List.of(this.task), actor(), ReviewDecisions.Scope.ALL));
				long runId = regeneration.runs().get(0);
				RunSummary summary = context.getBean(CatalogRuns.class).startRecorded(runId);
				Map<String, Object> copy = context.getBean(JdbcTemplate.class)
					.queryForMap("SELECT id, state, seed FROM render_task WHERE regenerated_from = ?", this.task);
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("task", this.task);
				json.put("new_task", copy.get("id"));
				json.put("seed", copy.get("seed"));
				json.put("state", copy.get("state"));
				json.put("run", summary);
				int exit = "COMPLETED".equals(summary.status()) ? 0 : Cli.FAILED;
				return new OneShot.Output(exit, List.of(JSON.writeValueAsString(json)), List.of());
			});
		}

	}

}
