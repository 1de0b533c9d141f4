package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A worksheet part's XML read straight from its UTF-8 bytes, for the little of it a
 * catalog needs: rows, their cells' {@code r}, {@code t} and {@code s} attributes, and
 * the text of {@code <v>} and of inline strings' {@code <t>} (not of formulas or phonetic
 * runs); and the items of the shared-strings part, written the same way. A general XML
 * parser spends most of its time on what a sheet never has; this reads a sheet about five
 * times as fast. It resolves only XML's five named entities and character references, and
 * refuses any DTD: nothing in a sheet can reach outside it. Element names are matched
 * without their namespace prefix, as producers differ there.
 */
final class SheetXml {

	/** A text node longer than this is refused rather than held: no real cell is near. */
	static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

	private final InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	/** The text of a cell's value or inline string. */
	private final Text text = new Text();

	/** An attribute's value, or a processing instruction. */
	private final Text markupText = new Text();

	private final byte[] name = new byte[64];

	private int nameLength;

	private boolean selfClosing;

	/** The attributes of the last start tag that matter: r, t and s, or null. */
	private String r;

	private String t;

	private String s;

	SheetXml(InputStream in) {
		this.in = in;
		start();
	}

	/**
	 * Moves to the next {@code <row>}; false at the end of the sheet.
	 * @return whether there is one; its {@code r} is then {@link #reference()}
	 */
	boolean nextRow() {
		while (nextTag()) {
			if (!isEndTag() && nameIs(ROW)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the row just moved to is written {@code <row/>}: it has no cells. */
	boolean emptyElement() {
		return this.selfClosing;
	}

	/** The {@code r} attribute of the row or cell last moved to, or null. */
	String reference() {
		return this.r;
	}

	/** The {@code t} attribute (type) of the cell last moved to, or null. */
	String type() {
		return this.t;
	}

	/** The {@code s} attribute (style) of the cell last moved to, or null. */
	String style() {
		return this.s;
	}

	/**
	 * Moves to the row's next {@code <c>}; false at the row's end tag.
	 */
	boolean nextCell() {
		while (nextTag()) {
			if (isEndTag() && nameIs(ROW)) {
				return false;
			}
			if (!isEndTag() && nameIs(CELL)) {
				return true;
			}
		}
		throw malformed("the sheet ends inside a row");
	}

	/**
	 * The cell's content, up to its end tag: the text of its {@code <v>}, or of its
	 * inline string's {@code <t>} elements joined; {@code inline[0]} says which. Null
	 * when the cell has neither.
	 */
	String cellContent(boolean[] inline) {
		inline[0] = false;
		if (this.selfClosing) {
			return null;
		}
		String value = null;
		StringBuilder inlineText = null;
		while (nextTag()) {
			boolean end = isEndTag();
			if (end && nameIs(CELL)) {
				break;
			}
			if (end) {
				continue;
			}
			if (nameIs(VALUE)) {
				value = this.selfClosing ? "" : textUntilEndTag();
			}
			else if (nameIs(TEXT)) {
				inlineText = (inlineText != null) ? inlineText : new StringBuilder();
				if (!this.selfClosing) {
					inlineText.append(textUntilEndTag());
				}
			}
			else if ((nameIs(FORMULA) || nameIs(PHONETIC)) && !this.selfClosing) {
				skipElement();
			}
			// <is>, <r>, <rPr> and the like only wrap what is read above
		}
		if (inlineText != null) {
			inline[0] = true;
			return inlineText.toString();
		}
		return value;
	}

	/**
	 * The items of a shared-strings part, in order: each {@code <si>}'s {@code <t>} texts
	 * joined, its phonetic runs left out.
	 */
	SharedStrings sharedStrings() {
		SharedStrings items = new SharedStrings();
		StringBuilder item = null;
		while (nextTag()) {
			if (nameIs(ITEM)) {
				if (!isEndTag() && this.selfClosing) {
					items.add("");
				}
				else if (!isEndTag()) {
					item = new StringBuilder();
				}
				else if (item != null) {
					items.add(item.toString());
					item = null;
				}
			}
			else if (!isEndTag() && !this.selfClosing && item != null) {
				if (nameIs(TEXT)) {
					item.append(textUntilEndTag());
				}
				else if (nameIs(PHONETIC)) {
					skipElement();
				}
			}
		}
		return items;
	}

	private static final byte[] ITEM = bytes("si");

	private static final byte[] ROW = bytes("row");

	private static final byte[] CELL = bytes("c");

	private static final byte[] VALUE = bytes("v");

	private static final byte[] TEXT = bytes("t");

	private static final byte[] FORMULA = bytes("f");

	private static final byte[] PHONETIC = bytes("rPh");

	private static byte[] bytes(String name) {
		return name.getBytes(StandardCharsets.US_ASCII);
	}

	/** A UTF-8 byte order mark is skipped; any other encoding is refused. */
	private void start() {
		// a UTF-16 byte order mark, or the zero byte of "<" in UTF-16 without one
		if (fill(3) >= 2 && ((this.buffer[0] & 0xFF) == 0xFE || (this.buffer[0] & 0xFF) == 0xFF || this.buffer[0] == 0
				|| this.buffer[1] == 0)) {
			throw unsupportedEncoding("UTF-16");
		}
		if (this.limit >= 3 && (this.buffer[0] & 0xFF) == 0xEF && (this.buffer[1] & 0xFF) == 0xBB
				&& (this.buffer[2] & 0xFF) == 0xBF) {
			this.position = 3;
		}
	}

	/**
	 * Reads up to the next start or end tag, skipping text, comments, processing
	 * instructions (checking the XML declaration's encoding) and CDATA outside cells.
	 * @return false at the end of the input
	 */
	private boolean nextTag() {
		while (true) {
			int b = next();
			while (b != '<') {
				if (b < 0) {
					return false;
				}
				b = next();
			}
			int first = next();
			if (first == '?') {
				processingInstruction();
			}
			else if (first == '!') {
				markup();
			}
			else if (first < 0) {
				throw malformed("the sheet ends inside a tag");
			}
			else {
				tag(first);
				return true;
			}
		}
	}

	private boolean endTag;

	private boolean isEndTag() {
		return this.endTag;
	}

	private boolean nameIs(byte[] local) {
		return this.nameLength == local.length && Arrays.equals(this.name, 0, this.nameLength, local, 0, local.length);
	}

	/**
	 * A start or end tag whose first byte after '<' was read: its local name and
	 * attributes.
	 */
	private void tag(int first) {
		this.endTag = first == '/';
		int b = this.endTag ? next() : first;
		this.nameLength = 0;
		while (b > ' ' && b != '>' && b != '/') {
			if (b == ':') {
				this.nameLength = 0;
			}
			else if (this.nameLength < this.name.length) {
				this.name[this.nameLength++] = (byte) b;
			}
			b = next();
		}
		this.selfClosing = false;
		this.r = null;
		this.t = null;
		this.s = null;
		while (true) {
			while (b >= 0 && b <= ' ') {
				b = next();
			}
			if (b == '>') {
				return;
			}
			if (b == '/') {
				b = next();
				if (b != '>') {
					throw malformed("'/' inside a tag");
				}
				this.selfClosing = true;
				return;
			}
			if (b < 0) {
				throw malformed("the sheet ends inside a tag");
			}
			b = attribute(b);
		}
	}

	/** One attribute from its first byte; keeps r, t and s. Returns the byte after it. */
	private int attribute(int first) {
		int b = first;
		int local = 0;
		char only = 0;
		while (b > ' ' && b != '=') {
			if (b == ':') {
				local = 0;
			}
			else {
				only = (local == 0) ? (char) b : 0;
				local++;
			}
			b = next();
		}
		while (b >= 0 && b <= ' ') {
			b = next();
		}
		if (b != '=') {
			throw malformed("an attribute without a value");
		}
		b = next();
		while (b >= 0 && b <= ' ') {
			b = next();
		}
		if (b != '"' && b != '\'') {
			throw malformed("an attribute value without quotes");
		}
		int quote = b;
		this.markupText.clear();
		b = next();
		while (b != quote) {
			if (b < 0 || b == '<') {
				throw malformed("an unterminated attribute value");
			}
			if (b == '&') {
				entity(this.markupText);
			}
			else {
				this.markupText.append(b);
			}
			b = next();
		}
		if (local == 1 && (only == 'r' || only == 't' || only == 's')) {
			String value = this.markupText.string();
			switch (only) {
				case 'r' -> this.r = value;
				case 't' -> this.t = value;
				default -> this.s = value;
			}
		}
		return next();
	}

	/**
	 * The text of the element whose start tag was just read, up to its end tag: character
	 * data, entities and CDATA sections; other markup inside is skipped.
	 */
	private String textUntilEndTag() {
		this.text.clear();
		int depth = 0;
		while (true) {
			int b = next();
			if (b < 0) {
				throw malformed("the sheet ends inside a cell");
			}
			if (b == '&') {
				entity(this.text);
			}
			else if (b != '<') {
				this.text.append(b);
			}
			else {
				int first = next();
				if (first == '!') {
					if (!cdata()) {
						markup();
					}
				}
				else if (first == '?') {
					processingInstruction();
				}
				else {
					tag(first);
					if (this.endTag) {
						if (depth == 0) {
							return this.text.string();
						}
						depth--;
					}
					else if (!this.selfClosing) {
						depth++;
					}
				}
			}
		}
	}

	private void skipElement() {
		int depth = 1;
		while (depth > 0) {
			if (!nextTag()) {
				throw malformed("the sheet ends inside a cell");
			}
			if (this.endTag) {
				depth--;
			}
			else if (!this.selfClosing) {
				depth++;
			}
		}
	}

	/** After "&": a named entity or a character reference, appended as UTF-8. */
	private void entity(Text target) {
		StringBuilder reference = new StringBuilder(8);
		int b = next();
		while (b != ';') {
			if (b < 0 || reference.length() > 10) {
				throw malformed("a malformed entity reference '&" + reference + "'");
			}
			reference.append((char) b);
			b = next();
		}
		String entity = reference.toString();
		int codePoint = switch (entity) {
			case "lt" -> '<';
			case "gt" -> '>';
			case "amp" -> '&';
			case "quot" -> '"';
			case "apos" -> '\'';
			default -> characterReference(entity);
		};
		target.appendCodePoint(codePoint);
	}

	private int characterReference(String entity) {
		try {
			if (entity.startsWith("#x") || entity.startsWith("#X")) {
				return Integer.parseInt(entity.substring(2), 16);
			}
			if (entity.startsWith("#")) {
				return Integer.parseInt(entity.substring(1));
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw malformed("the entity '&" + entity + ";', which a sheet cannot declare (DTDs are refused)");
	}

	/**
	 * After "<!" inside text: a CDATA section's content appended; false if it is none.
	 */
	private boolean cdata() {
		if (fill(7) < 7 || !Arrays.equals(this.buffer, this.position, this.position + 7, CDATA_START, 0, 7)) {
			return false;
		}
		this.position += 7;
		int matched = 0;
		while (true) {
			int b = next();
			if (b < 0) {
				throw malformed("an unterminated CDATA section");
			}
			if (b == ']') {
				if (matched < 2) {
					matched++;
				}
				else {
					this.text.append(']');
				}
				continue;
			}
			if (b == '>' && matched == 2) {
				return true;
			}
			for (; matched > 0; matched--) {
				this.text.append(']');
			}
			this.text.append(b);
		}
	}

	private static final byte[] CDATA_START = bytes("[CDATA[");

	/** After "<!": a comment or CDATA section skipped; a DTD refused. */
	private void markup() {
		if (fill(2) >= 2 && this.buffer[this.position] == '-' && this.buffer[this.position + 1] == '-') {
			this.position += 2;
			skipPast("-->");
			return;
		}
		if (fill(7) >= 7 && Arrays.equals(this.buffer, this.position, this.position + 7, CDATA_START, 0, 7)) {
			this.position += 7;
			skipPast("]]>");
			return;
		}
		throw malformed("a DTD or other declaration, which a sheet never needs; it is refused");
	}

	/**
	 * After "<?": skipped, but the XML declaration must not name an encoding but UTF-8.
	 */
	private void processingInstruction() {
		this.markupText.clear();
		int b = next();
		int previous = 0;
		while (b >= 0 && !(previous == '?' && b == '>')) {
			if (this.markupText.length() < 200) {
				this.markupText.append(b);
			}
			previous = b;
			b = next();
		}
		String content = this.markupText.string();
		int at = content.indexOf("encoding");
		if (content.startsWith("xml") && at >= 0) {
			String rest = content.substring(at + "encoding".length()).replaceAll("[\\s=\"']", " ").strip();
			String encoding = rest.split("\\s+")[0];
			if (!encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")) {
				throw unsupportedEncoding(encoding);
			}
		}
	}

	private void skipPast(String end) {
		byte[] pattern = bytes(end);
		int matched = 0;
		while (matched < pattern.length) {
			int b = next();
			if (b < 0) {
				throw malformed("an unterminated '" + end + "'");
			}
			matched = (b == pattern[matched]) ? matched + 1 : ((b == pattern[0]) ? 1 : 0);
		}
	}

	private int next() {
		if (this.position == this.limit && fill(1) == 0) {
			return -1;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	/**
	 * Makes at least {@code wanted} bytes available from the position if the input has
	 * them; returns how many are.
	 */
	private int fill(int wanted) {
		if (this.limit - this.position >= wanted) {
			return this.limit - this.position;
		}
		System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
		this.limit -= this.position;
		this.position = 0;
		try {
			while (this.limit < wanted) {
				int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
				if (read < 0) {
					break;
				}
				this.limit += read;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.limit;
	}

	private static IllegalStateException malformed(String problem) {
		return new IllegalStateException("malformed workbook XML: " + problem);
	}

	private static IllegalStateException unsupportedEncoding(String encoding) {
		return new IllegalStateException("the sheet's XML is in " + encoding
				+ "; only UTF-8, which Excel, LibreOffice and openpyxl write, is read. Save it again from one of them");
	}

	/** Bytes of text, to a String as UTF-8. */
	private static final class Text {

		private byte[] bytes = new byte[256];

		private int length;

		void clear() {
			this.length = 0;
		}

		int length() {
			return this.length;
		}

		void append(int b) {
			if (this.length == this.bytes.length) {
				if (this.length >= MAX_TEXT_BYTES) {
					throw malformed("a cell holds more than " + (MAX_TEXT_BYTES >> 20) + " MB of text");
				}
				this.bytes = Arrays.copyOf(this.bytes, this.length * 2);
			}
			this.bytes[this.length++] = (byte) b;
		}

		void appendCodePoint(int codePoint) {
			if (!Character.isValidCodePoint(codePoint)) {
				throw malformed("the character reference " + codePoint + ", which is no character");
			}
			for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
				append(b);
			}
		}

		String string() {
			return new String(this.bytes, 0, this.length, StandardCharsets.UTF_8);
		}

	}

}
