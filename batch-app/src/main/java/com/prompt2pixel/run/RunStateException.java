package com.prompt2pixel.run;

/**
 * What was asked of a run does not fit the state it is in (stopping a completed run,
 * resuming a running one); the API answers 409.
 */
public class RunStateException extends RuntimeException {

	public RunStateException(String message) {
		super(message);
	}

}
