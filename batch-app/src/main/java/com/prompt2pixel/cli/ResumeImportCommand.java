package com.prompt2pixel.cli;

import java.util.concurrent.Callable;

import com.prompt2pixel.ingest.CatalogImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resume-import}: restarts a failed import where it stopped; prints its summary
 * like {@code import}.
 */
@Command(name = "resume-import", mixinStandardHelpOptions = true,
		description = "Resumes a failed import (say, after the file was fixed or the database came back): staging "
				+ "carries on after its last committed batch.")
class ResumeImportCommand implements Callable<Integer> {

	@Option(names = "--import", required = true, paramLabel = "ID", description = "the import's id")
	long importId;

	@Option(names = "--confirm-removals",
			description = "the catalog is meant to lack the products it lacks: mark them removed, however many")
	boolean confirmRemovals;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			CatalogImportService imports = context.getBean(CatalogImportService.class);
			return ImportCommand.output(this.confirmRemovals ? imports.resumeConfirmingRemovals(this.importId)
					: imports.resume(this.importId));
		});
	}

}
