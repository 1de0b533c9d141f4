package com.prompt2pixel.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.run.InvalidRunRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status}: a run's state, its tasks per state and its ETA, as one JSON line.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Prints a run's status, render tasks per state, expected start (while it waits) and ETA "
				+ "(while it runs) as one JSON line.")
class StatusCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--run", required = true, paramLabel = "ID", description = "run id")
	long run;

	@Override
	public Integer call() {
		return OneShot
			.run((context) -> OneShot.Output.ok(List.of(JSON.writeValueAsString(context.getBean(RunProgresses.class)
				.find(this.run)
				.orElseThrow(() -> new InvalidRunRequestException("no run with id " + this.run))))));
	}

}
