package com.prompt2pixel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.expand.ExpandPreview;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunRequestCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code expand --dry-run}: the tasks a run would create, one JSON object a line, then
 * the totals with the estimated cost as the last line. Creates nothing.
 */
@Command(name = "expand", mixinStandardHelpOptions = true,
		description = "Previews the render tasks a run of the catalog would create, with prompts, matched rules "
				+ "and the estimated cost. Creates nothing.")
class ExpandCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Mixin
	RunOptions run;

	@Option(names = "--dry-run", description = "required: expansion on its own only previews")
	boolean dryRun;

	@Mixin
	GeneratorOptions generator;

	@Override
	public Integer call() {
		if (!this.dryRun) {
			System.err.println("error: expand only previews: add --dry-run (a run expands as part of 'run')");
			return Cli.BAD_INPUT;
		}
		RunRequest request = this.run.request(null);
		try {
			RunRequestCheck.check(request);
		}
		catch (InvalidRunRequestException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		String problem = this.generator.problem();
		if (problem != null) {
			System.err.println("error: " + problem);
			return Cli.BAD_INPUT;
		}
		return OneShot.run(this.generator.toArgs(), (context) -> {
			List<String> lines = new ArrayList<>();
			ExpandPreview.Summary summary = context.getBean(ExpandPreview.class)
				.preview(request, (task) -> lines.add(JSON.writeValueAsString(task)));
			lines.add(JSON.writeValueAsString(summary));
			return OneShot.Output.ok(lines);
		});
	}

}
