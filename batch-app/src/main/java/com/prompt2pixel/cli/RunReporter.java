package com.prompt2pixel.cli;

import java.util.List;
import java.util.function.Function;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a run-producing action as a one-shot command and reports the run: its summary as
 * one JSON line on stdout, and on failure a line on stderr saying why and how to resume.
 */
final class RunReporter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunReporter() {
	}

	static int report(GeneratorOptions generator, Function<CatalogRuns, RunSummary> action) {
		String problem = generator.problem();
		if (problem != null) {
			System.err.println("error: " + problem);
			return Cli.BAD_INPUT;
		}
		return OneShot.run(generator.toArgs(), (context) -> output(action.apply(context.getBean(CatalogRuns.class))),
				OneShot.failedSummary("run", "failure"));
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
