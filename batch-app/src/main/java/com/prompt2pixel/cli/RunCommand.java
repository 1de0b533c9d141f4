package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.prompt2pixel.publish.PublishTargets;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunRequestCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: one catalog through the whole pipeline, then a JSON summary as the last
 * line.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Runs catalogImageJob on a catalog file: ingest, expand, generate, moderate, publish, bill.")
class RunCommand implements Callable<Integer> {

	@Mixin
	RunOptions run;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/run-<id>)")
	Path out;

	@Mixin
	GeneratorOptions generator;

	@Option(names = "--publish", paramLabel = "folder,s3,shopify",
			description = "publish to these of the merchant's targets (default: all of them; see publish-target)")
	String publish;

	@Override
	public Integer call() {
		RunRequest request = this.run.request(this.out).withPublishTo(this.publish);
		try {
			if (this.publish != null) {
				PublishTargets.kinds(this.publish);
			}
			RunRequestCheck.check(request);
		}
		catch (InvalidRunRequestException | IllegalArgumentException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return RunReporter.report(this.generator, (runs, recorded) -> runs.start(request, recorded));
	}

}
