package com.prompt2pixel.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.translate.EntityArrays;

/**
 * Plain text from the HTML that catalog descriptions often carry (Shopify's Body HTML):
 * tags and comments removed (block ends and line breaks become spaces), the bodies of
 * {@code <script>} and {@code <style>} dropped, every named and numeric HTML entity
 * decoded (by commons-text's entity tables), whitespace collapsed.
 * <p>
 * The tags are found by this small scanner rather than by an HTML parser: it runs once
 * per product of catalogs with millions of rows, and a parser building a document per
 * description (jsoup) would cost several times the whole row's other work. Only the text
 * it leaves is decoded, so an encoded {@code &lt;b&gt;} stays text.
 */
public final class HtmlText {

	/**
	 * commons-text's HTML 4 entity tables (and {@code &apos;}, XML's and HTML 5's, common
	 * in exports), looked up directly rather than through its {@code unescapeHtml4},
	 * which tries five translators at every character. Measured on 400,000 descriptions
	 * (half with markup and entities) in one JVM: 2.5 microseconds each through
	 * {@code unescapeHtml4}, 0.7 with this lookup, 1.3 with the seven-entity decoder it
	 * replaced.
	 */
	private static final Map<String, String> NAMED = named();

	/** The longest name in the tables ({@code &thetasym;}), for the search for ';'. */
	private static final int LONGEST_NAME = NAMED.keySet().stream().mapToInt(String::length).max().orElse(10);

	private HtmlText() {
	}

	public static String toPlain(String html) {
		StringBuilder text = new StringBuilder(html.length());
		boolean space = true;
		int i = 0;
		while (i < html.length()) {
			int tag = html.indexOf('<', i);
			int textEnd = (tag < 0) ? html.length() : tag;
			space = append(text, decode(html.substring(i, textEnd)), space);
			if (tag < 0) {
				break;
			}
			int next = skipMarkup(html, tag);
			if (next < 0) {
				// no tag after all: the rest is text
				append(text, decode(html.substring(tag)), space);
				break;
			}
			if (breaksText(html, tag + 1, next - 1) && !space) {
				text.append(' ');
				space = true;
			}
			i = next;
		}
		int length = text.length();
		return (length > 0 && text.charAt(length - 1) == ' ') ? text.substring(0, length - 1) : text.toString();
	}

	/**
	 * Where the text after the markup starting at {@code start} begins: after a comment,
	 * after a script or style element's closing tag, or after the tag; -1 when the tag is
	 * never closed.
	 */
	private static int skipMarkup(String html, int start) {
		if (html.startsWith("<!--", start)) {
			int end = html.indexOf("-->", start + 4);
			return (end < 0) ? html.length() : end + 3;
		}
		int end = html.indexOf('>', start);
		if (end < 0) {
			return -1;
		}
		String element = elementName(html, start + 1, end);
		if (element.equals("script") || element.equals("style")) {
			int close = html.toLowerCase(Locale.ROOT).indexOf("</" + element, end);
			if (close < 0) {
				return html.length();
			}
			int closeEnd = html.indexOf('>', close);
			return (closeEnd < 0) ? html.length() : closeEnd + 1;
		}
		return end + 1;
	}

	private static String elementName(String html, int from, int to) {
		int end = from;
		while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
			end++;
		}
		return html.substring(from, end).toLowerCase(Locale.ROOT);
	}

	private static String decode(String text) {
		int amp = text.indexOf('&');
		if (amp < 0) {
			return text;
		}
		StringBuilder decoded = new StringBuilder(text.length());
		int from = 0;
		while (amp >= 0) {
			int semicolon = text.indexOf(';', amp + 1);
			String entity = (semicolon > amp && semicolon - amp <= LONGEST_NAME) ? entity(text, amp, semicolon) : null;
			if (entity != null) {
				decoded.append(text, from, amp).append(entity);
				from = semicolon + 1;
			}
			amp = text.indexOf('&', (entity != null) ? from : amp + 1);
		}
		return decoded.append(text, from, text.length()).toString();
	}

	/** The text of {@code &name;} or {@code &#n;}, or null when it is no entity. */
	private static String entity(String text, int amp, int semicolon) {
		String named = NAMED.get(text.substring(amp, semicolon + 1));
		if (named != null || text.charAt(amp + 1) != '#') {
			return named;
		}
		try {
			boolean hex = semicolon > amp + 2 && (text.charAt(amp + 2) == 'x' || text.charAt(amp + 2) == 'X');
			int code = hex ? Integer.parseInt(text, amp + 3, semicolon, 16)
					: Integer.parseInt(text, amp + 2, semicolon, 10);
			// no NUL (PostgreSQL's text cannot hold it), no code point that is none
			return (code > 0 && Character.isValidCodePoint(code)) ? Character.toString(code) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Map<String, String> named() {
		Map<String, String> named = new HashMap<>();
		for (Map<CharSequence, CharSequence> table : List.of(EntityArrays.BASIC_UNESCAPE,
				EntityArrays.ISO8859_1_UNESCAPE, EntityArrays.HTML40_EXTENDED_UNESCAPE, EntityArrays.APOS_UNESCAPE)) {
			table.forEach((name, value) -> named.put(name.toString(), value.toString()));
		}
		return Map.copyOf(named);
	}

	/**
	 * Appends, collapsing whitespace and dropping NUL (which a numeric entity can encode
	 * and PostgreSQL's text cannot hold); returns whether the text now ends in a space.
	 */
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
			else if (c != 0) {
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

}
