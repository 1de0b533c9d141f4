package com.prompt2pixel.connectors.io;

/**
 * Neutralises formula injection in CSV and XLSX cells the system writes: a spreadsheet
 * runs a cell that starts with {@code = + - @}, a tab or a carriage return as a formula,
 * so such a cell gets a leading apostrophe and is shown as text.
 */
public final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	public static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + value : value;
	}

}
