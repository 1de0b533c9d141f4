package com.prompt2pixel.system;

/**
 * SQL {@code LIKE} patterns from text that people type, whose wildcards count as text.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** A pattern matching anything that holds the text ({@code ILIKE} with it). */
	public static String containing(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
