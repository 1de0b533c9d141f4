package com.prompt2pixel.moderate;

/**
 * The one rule for a reason a person gives (a rejection's, a report's): required, at most
 * {@value #MAX_LENGTH} characters once trimmed.
 */
final class Reasons {

	static final int MAX_LENGTH = 500;

	private Reasons() {
	}

	/**
	 * @param missing what to say when there is none ({@code a rejection needs a reason})
	 * @return the reason trimmed
	 * @throws IllegalArgumentException without a reason, or with one too long
	 */
	static String required(String reason, String missing) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException(missing);
		}
		String trimmed = reason.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"the reason is " + trimmed.length() + " characters; at most " + MAX_LENGTH);
		}
		return trimmed;
	}

}
