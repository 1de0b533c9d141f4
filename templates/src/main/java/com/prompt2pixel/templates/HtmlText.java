package com.prompt2pixel.templates;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;
import org.apache.commons.text.translate.NumericEntityUnescaper;

/**
 * Plain text from the HTML that catalog descriptions often carry (Shopify's Body HTML):
 * tags and comments removed (block ends and line breaks become spaces), the bodies of
 * {@code <script>} and {@code <style>} dropped, every named and numeric HTML entity
 * decoded (by commons-text), whitespace collapsed.
 * <p>
 * The tags are found by this small scanner rather than by an HTML parser: it runs once
 * per product of catalogs with millions of rows, and a parser building a document per
 * description (jsoup) would cost several times the whole row's other work. Only the text
 * it leaves is decoded, so an encoded {@code &lt;b&gt;} stays text.
 */
public final class HtmlText {

	/**
	 * commons-text's HTML 4 unescaper, with {@code &apos;} (XML's and HTML 5's, common in
	 * exports) and a numeric reference to no code point left as it is: the library's own
	 * throws on one.
	 */
	private static final CharSequenceTranslator ENTITIES = new AggregateTranslator(
			new LookupTranslator(EntityArrays.BASIC_UNESCAPE), new LookupTranslator(EntityArrays.ISO8859_1_UNESCAPE),
			new LookupTranslator(EntityArrays.HTML40_EXTENDED_UNESCAPE),
			new LookupTranslator(EntityArrays.APOS_UNESCAPE), new ValidNumericEntities());

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
		if (text.indexOf('&') < 0) {
			return text;
		}
		return ENTITIES.translate(text);
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

	private static final class ValidNumericEntities extends CharSequenceTranslator {

		private final NumericEntityUnescaper numeric = new NumericEntityUnescaper();

		@Override
		public int translate(CharSequence input, int index, Writer writer) throws IOException {
			try {
				return this.numeric.translate(input, index, writer);
			}
			catch (IllegalArgumentException ex) {
				return 0;
			}
		}

	}

}
