package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.publish.RunExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export-run}: a run's published images and manifest, written into a folder.
 */
@Command(name = "export-run", mixinStandardHelpOptions = true,
		description = "Writes a run's published images and manifest.csv into a folder, as run --out does: for runs "
				+ "a manager executed (submit).")
class ExportRunCommand implements Callable<Integer> {

	@Option(names = "--run", required = true, paramLabel = "ID", description = "run id")
	long run;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into")
	Path out;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			int images = context.getBean(RunExport.class).export(this.run, this.out);
			return OneShot.Output.ok(List.of("run " + this.run + ": " + images + " published image(s) and "
					+ "manifest.csv written to " + this.out.toAbsolutePath().normalize()));
		});
	}

}
