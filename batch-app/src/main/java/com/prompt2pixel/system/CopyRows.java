package com.prompt2pixel.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, one row a line, {@code \N} for
 * null, and backslash, tab, newline and carriage return escaped inside values.
 */
public final class CopyRows {

	private final StringBuilder text;

	public CopyRows(int expectedRows) {
		this.text = new StringBuilder(Math.max(1024, expectedRows * 768));
	}

	private boolean rowStarted;

	public CopyRows value(Object value) {
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

	/**
	 * A {@code text[]} value: each element quoted, its quotes and backslashes escaped.
	 */
	public CopyRows array(List<String> values) {
		StringBuilder literal = new StringBuilder(16 * values.size() + 2).append('{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return value(literal.append('}').toString());
	}

	/**
	 * Runs {@code COPY ... FROM STDIN} with these rows on the transaction's connection,
	 * so they commit or roll back with it.
	 */
	public void copyInto(JdbcTemplate jdbc, String copyStatement) {
		jdbc.execute((ConnectionCallback<Long>) (connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(copyStatement, new StringReader(this.text.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
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

	public CopyRows endRow() {
		this.text.append('\n');
		this.rowStarted = false;
		return this;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
