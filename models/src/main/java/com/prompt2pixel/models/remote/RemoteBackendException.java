package com.prompt2pixel.models.remote;

/**
 * A remote backend did not give an image: unreachable, refusing, or answering with
 * something that is not one, after the retries. The message names the server and the
 * reason.
 */
public class RemoteBackendException extends RuntimeException {

	public RemoteBackendException(String message) {
		super(message);
	}

	public RemoteBackendException(String message, Throwable cause) {
		super(message, cause);
	}

}
