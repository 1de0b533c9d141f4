package com.prompt2pixel.models.diffusion;

/**
 * A pipeline that cannot run: a missing or malformed directory, a part of the wrong
 * shape, a device that does not exist. The message names the problem and where it is.
 */
public class PipelineException extends RuntimeException {

	public PipelineException(String message) {
		super(message);
	}

	public PipelineException(String message, Throwable cause) {
		super(message, cause);
	}

}
