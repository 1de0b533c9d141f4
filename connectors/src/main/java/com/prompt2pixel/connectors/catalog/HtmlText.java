package com.prompt2pixel.connectors.catalog;

import java.util.Locale;

/**
 * Plain text from the HTML that catalog descriptions often carry (Shopify's Body HTML):
 * tags removed (block ends and line breaks become spaces), the common entities decoded,
 * whitespace collapsed. One pass without regular expressions: it runs once per product of
 * catalogs with millions of rows.
 */
final class HtmlText {

	private HtmlText() {
	}

	static String toPlain(String html) {
		StringBuilder text = new StringBuilder(html.length());
		boolean space = true;
		int i = 0;
		while (i < html.length()) {
			char c = html.charAt(i);
			if (c == '<') {
				int end = html.indexOf('>', i);
				if (end < 0) {
					// no tag after all: the rest is text
					append(text, html.substring(i), space);
					break;
				}
				if (breaksText(html, i + 1, end) && !space) {
					text.append(' ');
					space = true;
				}
				i = end + 1;
				continue;
			}
			if (c == '&') {
				int end = html.indexOf(';', i);
				String decoded = (end > i && end - i <= 8) ? entity(html.substring(i + 1, end)) : null;
				if (decoded != null) {
					space = append(text, decoded, space);
					i = end + 1;
					continue;
				}
			}
			space = append(text, String.valueOf(c), space);
			i++;
		}
		int length = text.length();
		return (length > 0 && text.charAt(length - 1) == ' ') ? text.substring(0, length - 1) : text.toString();
	}

	/** Appends, collapsing whitespace; returns whether the text now ends in a space. */
	private static boolean append(StringBuilder text, String value, boolean space) {
		boolean endsInSpace = space;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00A0') {
				if (!endsInSpace) {
					text.append(' ');
					endsInSpace = true;
				}
			}
			else {
				text.append(c);
				endsInSpace = false;
			}
		}
		return endsInSpace;
	}

	/**
	 * {@code <br>
	 * }, and the ends of paragraphs, divisions, list items and headings.
	 */
	private static boolean breaksText(String html, int from, int to) {
		String tag = html.substring(from, to).strip().toLowerCase(Locale.ROOT);
		if (tag.startsWith("br")) {
			return tag.length() == 2 || !Character.isLetterOrDigit(tag.charAt(2));
		}
		return tag.equals("/p") || tag.equals("/div") || tag.equals("/li")
				|| (tag.length() == 3 && tag.startsWith("/h") && tag.charAt(2) >= '1' && tag.charAt(2) <= '6');
	}

	private static String entity(String name) {
		return switch (name) {
			case "nbsp" -> " ";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "#39", "apos" -> "'";
			case "amp" -> "&";
			default -> numeric(name);
		};
	}

	private static String numeric(String name) {
		if (!name.startsWith("#") || name.length() < 2) {
			return null;
		}
		try {
			int code = (name.charAt(1) == 'x' || name.charAt(1) == 'X') ? Integer.parseInt(name.substring(2), 16)
					: Integer.parseInt(name.substring(1));
			return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
