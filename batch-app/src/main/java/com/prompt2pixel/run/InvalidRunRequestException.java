package com.prompt2pixel.run;

/**
 * A run that cannot start; nothing was written. The message is one line naming the
 * problem.
 */
public class InvalidRunRequestException extends RuntimeException {

	public InvalidRunRequestException(String message, Throwable cause) {
		super(message, cause);
	}

	public InvalidRunRequestException(String message) {
		super(message);
	}

}
