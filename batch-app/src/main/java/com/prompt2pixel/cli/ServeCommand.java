package com.prompt2pixel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve}: the web server with the REST API and health endpoint, and the scheduler.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Starts the web server (/actuator/health, /api/v1/runs/{id}). "
				+ "Spring options such as --server.port=9090 pass through.")
class ServeCommand implements Callable<Integer> {

	@Unmatched
	List<String> springOptions = new ArrayList<>();

	@Override
	public Integer call() {
		try {
			Applications.startServer(this.springOptions.toArray(String[]::new));
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("error: the server did not start: " + Applications.reason(ex));
			return Cli.FAILED;
		}
	}

}
