package com.prompt2pixel.system;

/**
 * Something about the machine or its configuration keeps the application from working (a
 * data folder in use, a database that will not start). The message says what and what to
 * do, in one line, for the operator; the CLI prints it as it is.
 */
public class EnvironmentProblem extends RuntimeException {

	public EnvironmentProblem(String message) {
		super(message);
	}

	public EnvironmentProblem(String message, Throwable cause) {
		super(message, cause);
	}

}
