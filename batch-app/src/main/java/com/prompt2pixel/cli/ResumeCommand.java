package com.prompt2pixel.cli;

import java.util.concurrent.Callable;

import com.prompt2pixel.run.CatalogRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code resume}: restarts a failed run where it stopped.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
		description = "Restarts a failed run: finished steps are skipped, unfinished work resumes.")
class ResumeCommand implements Callable<Integer> {

	@Option(names = "--run", required = true, paramLabel = "ID", description = "the run to resume")
	long run;

	@Mixin
	GeneratorOptions generator;

	@Override
	public Integer call() {
		return RunReporter.report(this.generator, (runs, recorded) -> {
			recorded.accept(this.run);
			return runs.resume(this.run);
		});
	}

}
