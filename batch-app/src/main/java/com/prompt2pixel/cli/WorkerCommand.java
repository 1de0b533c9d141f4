package com.prompt2pixel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code worker}: a node that executes the generate partitions of runs, without the web
 * server.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = "Executes the generate partitions that managers send through the database it shares "
				+ "with them (SPRING_DATASOURCE_URL etc.). Stops on SIGTERM, or on an EC2 spot interruption notice "
				+ "when p2p.schedule.spot-notice-url is set, after its partitions reach a chunk boundary "
				+ "(p2p.schedule.stop-deadline); they resume on other workers. Spring options pass through.")
class WorkerCommand implements Callable<Integer> {

	@Unmatched
	List<String> springOptions = new ArrayList<>();

	@Override
	public Integer call() {
		try {
			Applications.startWorker(this.springOptions.toArray(String[]::new));
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("error: the worker did not start: " + Applications.reason(ex));
			return Cli.FAILED;
		}
	}

}
