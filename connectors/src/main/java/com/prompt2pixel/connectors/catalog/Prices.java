package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Prices as merchants write them: {@code 12.50}, {@code 1,234.50}, {@code $12.50}, and in
 * files delimited by {@code ;} (European Excel) {@code 12,50} and {@code 1.234,50}.
 */
final class Prices {

	private static final Pattern SYMBOLS = Pattern.compile("[\\s\u00A0\u202F$€£¥]|(?i:usd|eur|gbp|chf)");

	private static final Pattern DOT_THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	private static final Pattern COMMA_THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");

	private Prices() {
	}

	/**
	 * @return the price, or null for an empty cell
	 * @throws IllegalArgumentException when the text is not a price
	 */
	static BigDecimal parse(String text, boolean decimalComma) {
		if (plain(text)) {
			return new BigDecimal(text);
		}
		String value = SYMBOLS.matcher(text).replaceAll("");
		if (value.isEmpty()) {
			return null;
		}
		if (decimalComma) {
			value = DOT_THOUSANDS.matcher(value).matches() ? value.replace(".", "") : value;
			value = value.replace(',', '.');
		}
		else if (COMMA_THOUSANDS.matcher(value).matches()) {
			value = value.replace(",", "");
		}
		if (!PLAIN.matcher(value).matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a price");
		}
		return new BigDecimal(value);
	}

	/**
	 * The price in a row's cell.
	 * @return the price, or null for an empty cell
	 * @throws InvalidCatalogRowException naming the row and column when the cell is not a
	 * price
	 */
	static BigDecimal inCell(Lines lines, Line line, int column, boolean decimalComma) {
		try {
			return parse(line.cell(column), decimalComma);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCatalogRowException(line.number(), lines.column(column), ex.getMessage());
		}
	}

	/** {@code 12} or {@code 12.50}: most prices, read without regular expressions. */
	private static boolean plain(String text) {
		int dots = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '.') {
				if (++dots > 1 || i == 0 || i == text.length() - 1) {
					return false;
				}
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return !text.isEmpty();
	}

}
