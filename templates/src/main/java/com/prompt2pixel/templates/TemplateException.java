package com.prompt2pixel.templates;

/**
 * A template set that cannot be used: unknown, unreadable or invalid. The message names
 * the set, the template and the problem.
 */
public class TemplateException extends RuntimeException {

	public TemplateException(String message) {
		super(message);
	}

	public TemplateException(String message, Throwable cause) {
		super(message, cause);
	}

}
