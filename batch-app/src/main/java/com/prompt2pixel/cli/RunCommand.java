package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

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

	@Option(names = "--catalog", required = true, paramLabel = "FILE", description = "catalog file: .csv or .xlsx")
	Path catalog;

	@Mixin
	CatalogFileOptions catalogFile;

	@Option(names = "--merchant", defaultValue = "demo", paramLabel = "ID",
			description = "merchant id (default: ${DEFAULT-VALUE})")
	String merchant;

	@Option(names = "--templates", paramLabel = "SET",
			description = "scene-template set for every product (default: each product's vertical, by its "
					+ "type, category, tags or vendor)")
	String templates;

	@Option(names = "--variants", paramLabel = "N",
			description = "variants per scene, 1-16 (default: each scene's own)")
	Integer variants;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/run-<id>)")
	Path out;

	@Override
	public Integer call() {
		RunRequest request = new RunRequest(this.merchant, this.catalog, this.templates, this.variants, this.out,
				this.catalogFile.toOptions());
		try {
			RunRequestCheck.check(request);
		}
		catch (InvalidRunRequestException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return RunReporter.report((runs) -> runs.start(request));
	}

}
