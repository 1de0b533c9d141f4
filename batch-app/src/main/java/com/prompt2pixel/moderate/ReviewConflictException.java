package com.prompt2pixel.moderate;

/**
 * A decision on an image that is not held for review (any more): another reviewer decided
 * first, or it was never held. Nothing was changed.
 */
public class ReviewConflictException extends RuntimeException {

	public ReviewConflictException(String message) {
		super(message);
	}

}
