package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunRequestCheck;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.InvalidScheduleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code submit}: queues a run on the cluster and returns at once; a manager
 * ({@code serve}) on the same database executes it.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
		description = "Queues a run for the managers (serve) sharing this database and prints {\"run\": id, "
				+ "\"status\": ...} at once. Batch runs wait for their GPU pool's generation window "
				+ "(WAITING_WINDOW, with expected_start); on-demand runs start as soon as a manager is free.")
class SubmitCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Mixin
	RunOptions run;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/run-<id>)")
	Path out;

	@Option(names = "--priority", defaultValue = "batch", paramLabel = "LANE",
			description = "on-demand or batch (default: ${DEFAULT-VALUE})")
	String priority;

	@Option(names = "--pool", defaultValue = GpuPool.DEFAULT, paramLabel = "NAME",
			description = "GPU pool whose windows a batch run waits for (default: ${DEFAULT-VALUE}, always open "
					+ "unless given windows)")
	String pool;

	@Override
	public Integer call() {
		RunRequest request = this.run.request(this.out);
		RunPriority lane;
		try {
			lane = RunPriority.parse(this.priority);
			RunRequestCheck.check(request);
		}
		catch (InvalidRunRequestException | InvalidScheduleException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			SubmittedRun queued = context.getBean(RunQueue.class).submit(request, lane, this.pool);
			return OneShot.Output.ok(List
				.of(JSON.writeValueAsString(context.getBean(RunProgresses.class).find(queued.id()).orElseThrow())));
		});
	}

}
