package com.prompt2pixel.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

import com.prompt2pixel.queue.RunProgress;
import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a run-producing action as a one-shot command and reports the run: its summary as
 * one JSON line on stdout, and on failure a line on stderr saying why and how to resume;
 * meanwhile, on a terminal, a progress bar on stderr.
 */
final class RunReporter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunReporter() {
	}

	/**
	 * @param action the run's start or resume, given whom to tell the run's id (a
	 * progress bar follows the run on stderr when that is a terminal)
	 */
	static int report(GeneratorOptions generator, BiFunction<CatalogRuns, LongConsumer, RunSummary> action) {
		String problem = generator.problem();
		if (problem != null) {
			System.err.println("error: " + problem);
			return Cli.BAD_INPUT;
		}
		return OneShot.run(TerminalProgress.withQuieterLogs(generator.toArgs()), (context) -> {
			CatalogRuns runs = context.getBean(CatalogRuns.class);
			RunProgresses progresses = context.getBean(RunProgresses.class);
			return output(
					TerminalProgress.follow("run", (id) -> progresses.find(id).map(RunReporter::reading).orElse(null),
							(recorded) -> action.apply(runs, recorded)));
		}, OneShot.failedSummary("run", "failure"));
	}

	private static TerminalProgress.Reading reading(RunProgress progress) {
		// before its tasks exist (the catalog is read and expanded first) a run's total
		// is
		// not known
		return new TerminalProgress.Reading(progress.total() - progress.pending(),
				(progress.total() > 0) ? progress.total() : -1, progress.status().toLowerCase(Locale.ROOT));
	}

	private static OneShot.Output output(RunSummary summary) {
		List<String> json = List.of(JSON.writeValueAsString(summary));
		if ("COMPLETED".equals(summary.status())) {
			return OneShot.Output.ok(json);
		}
		return new OneShot.Output(Cli.FAILED, json, List.of("error: run " + summary.run() + " " + summary.failure()
				+ "; resume it with: java -jar batch-app/target/prompt2pixel.jar resume --run " + summary.run()));
	}

}
