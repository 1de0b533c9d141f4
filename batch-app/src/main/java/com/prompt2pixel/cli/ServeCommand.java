package com.prompt2pixel.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code serve}: the web server with the REST API and health endpoint, and the scheduler.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Starts the web server (/actuator/health, /api/v1/runs/{id}). Spring options such as --server.port=8080 pass through.")
class ServeCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "SPRING_OPTION", description = "e.g. --server.port=9090")
	String[] springOptions = new String[0];

	@Override
	public Integer call() {
		try {
			Applications.startServer(this.springOptions);
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("error: the server did not start: " + Applications.reason(ex));
			return Cli.FAILED;
		}
	}

}
