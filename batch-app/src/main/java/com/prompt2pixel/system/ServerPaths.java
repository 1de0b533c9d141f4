package com.prompt2pixel.system;

import java.util.regex.Pattern;

/**
 * Takes the server's file paths out of a text a merchant will read (an import's message,
 * a run's failure): each absolute path becomes its file name, which is what the merchant
 * knows it by. URLs are left alone.
 */
public final class ServerPaths {

	private static final Pattern ABSOLUTE_PATH = Pattern
		.compile("(?<![\\w:/.~-])/(?:[^\\s'\",;()\\[\\]]+/)+([^\\s'\",;()\\[\\]/]+)");

	private ServerPaths() {
	}

	/** The text with every absolute path replaced by its last part; null stays null. */
	public static String hide(String text) {
		return (text == null) ? null : ABSOLUTE_PATH.matcher(text).replaceAll("$1");
	}

}
