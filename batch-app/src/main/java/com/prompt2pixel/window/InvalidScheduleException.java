package com.prompt2pixel.window;

/**
 * A schedule, window or submission that cannot be saved or queued as given: the message
 * names what is wrong.
 */
public class InvalidScheduleException extends IllegalArgumentException {

	public InvalidScheduleException(String message) {
		super(message);
	}

}
