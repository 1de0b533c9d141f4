package com.prompt2pixel.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Exit codes: 0 success, 1 a run or the application failed, 2 bad
 * input.
 */
@Command(name = "prompt2pixel", mixinStandardHelpOptions = true, version = "prompt2pixel 0.1.0",
		description = "Turns product catalogs into on-brand product imagery.",
		subcommands = { RunCommand.class, ResumeCommand.class, ImportCommand.class, ResumeImportCommand.class,
				ExportCatalogCommand.class, ShopifyConnectCommand.class, ExpandCommand.class, TemplatesCommand.class,
				PolicyCommand.class, SubmitCommand.class, StatusCommand.class, WindowCommand.class,
				ScheduleCommand.class, PlanCommand.class, ExportRunCommand.class, ApiKeyCommand.class,
				UserCommand.class, PublishTargetCommand.class, PublishCommand.Publish.class,
				PublishCommand.Unpublish.class, ReviewPolicyCommand.class, ReviewCommand.class, CutoutCommand.class,
				ServeCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class })
public class Cli implements Runnable {

	static final int FAILED = 1;

	static final int BAD_INPUT = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		CommandLine commandLine = new CommandLine(new Cli());
		int exitCode = commandLine.execute(args);
		CommandLine.ParseResult parsed = commandLine.getParseResult();
		boolean serving = parsed != null && parsed.subcommand() != null
				&& List.of("serve", "worker").contains(parsed.subcommand().commandSpec().name());
		if (!serving || exitCode != 0) {
			System.exit(exitCode);
		}
		// serve, worker: their threads keep the process alive until it is stopped
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

}
