package com.prompt2pixel.expand;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, one row a line, {@code \N} for
 * null, and backslash, tab, newline and carriage return escaped inside values.
 */
final class CopyRows {

	private final StringBuilder text;

	CopyRows(int expectedRows) {
		this.text = new StringBuilder(Math.max(1024, expectedRows * 768));
	}

	private boolean rowStarted;

	CopyRows value(Object value) {
		if (this.rowStarted) {
			this.text.append('\t');
		}
		this.rowStarted = true;
		if (value == null) {
			this.text.append("\\N");
			return this;
		}
		String string = value.toString();
		if (!needsEscaping(string)) {
			this.text.append(string);
			return this;
		}
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '\\' -> this.text.append("\\\\");
				case '\t' -> this.text.append("\\t");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				default -> this.text.append(c);
			}
		}
		return this;
	}

	private static boolean needsEscaping(String string) {
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	CopyRows endRow() {
		this.text.append('\n');
		this.rowStarted = false;
		return this;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
