package com.prompt2pixel.connectors.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product's size as catalogs write it, down to its largest dimension in centimetres:
 * {@code 30 x 20 x 12 cm}, {@code 30 cm x 20 cm}, {@code H 25cm}, {@code Ø 20 cm},
 * {@code 1.2 m}, {@code 12 in}, {@code 12"}, {@code 350 mm}, and in files delimited by
 * {@code ;} (European Excel) {@code 12,5 cm}. A scene draws the product to scale from it,
 * so a number without a unit, which could be any, is refused rather than guessed.
 */
final class Sizes {

	private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";

	/**
	 * One to three numbers joined by {@code x}, {@code ×} or {@code *}, then a unit that
	 * applies to all of them.
	 */
	private static final Pattern MEASURE = Pattern.compile(NUMBER + "(?:\\s*[x×*]\\s*" + NUMBER + ")?(?:\\s*[x×*]\\s*"
			+ NUMBER + ")?\\s*(mm|cm|m|inches|inch|in|ft|feet|foot|yd|\"|”|″|')(?![a-z])", Pattern.CASE_INSENSITIVE);

	private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

	private static final Pattern ANY_DIGIT = Pattern.compile("\\d");

	/** Past this (centimetres), a size is a typo: no product on a page is 100 m long. */
	static final double MOST_CM = 10_000;

	private Sizes() {
	}

	/**
	 * @return the largest dimension in centimetres, or null for an empty text
	 * @throws IllegalArgumentException when the text states no size with a unit, or a
	 * size of zero or past {@value #MOST_CM} cm
	 */
	static Double parse(String text, boolean decimalComma) {
		if (text.isBlank()) {
			return null;
		}
		Matcher measure = MEASURE.matcher(text);
		double largest = 0;
		boolean found = false;
		while (measure.find()) {
			found = true;
			double factor = centimetres(measure.group(4));
			for (int group = 1; group <= 3; group++) {
				if (measure.group(group) != null) {
					largest = Math.max(largest, number(measure.group(group), decimalComma) * factor);
				}
			}
		}
		if (!found) {
			throw new IllegalArgumentException("'" + text + "' is not a size"
					+ (ANY_DIGIT.matcher(text).find() ? " (a number needs its unit)" : "")
					+ ": write it as 30 x 20 x 12 cm, H 25 cm, 350 mm or 12 in");
		}
		if (largest <= 0 || largest > MOST_CM) {
			throw new IllegalArgumentException("'" + text + "' is no product's size (largest dimension "
					+ String.format(Locale.ROOT, "%.1f", largest) + " cm)");
		}
		return largest;
	}

	/**
	 * The size in a row's cell.
	 * @return the largest dimension in centimetres, or null for an empty cell
	 * @throws InvalidCatalogRowException naming the row and column when the cell is not a
	 * size
	 */
	static Double inCell(Lines lines, Line line, int column, boolean decimalComma) {
		try {
			return parse(line.cell(column), decimalComma);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCatalogRowException(line.number(), lines.column(column), ex.getMessage());
		}
	}

	/**
	 * A plain number in a cell that names its unit in the header (WooCommerce's
	 * {@code Height (cm)}), in centimetres.
	 * @return null for an empty cell
	 * @throws InvalidCatalogRowException when the cell is not a number
	 */
	static Double inCell(Lines lines, Line line, int column, String unit, boolean decimalComma) {
		String text = line.cell(column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return number(text, decimalComma) * centimetres(unit);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCatalogRowException(line.number(), lines.column(column), "'" + text + "' is not a length");
		}
	}

	/**
	 * {@code 12.5}, or {@code 12,5}: a comma between digits is the decimal mark in files
	 * that use it, or when what follows it is not a group of three (a thousands
	 * separator).
	 */
	private static double number(String text, boolean decimalComma) {
		String value = text.strip();
		if (!PLAIN_NUMBER.matcher(value).matches()) {
			// not Double.parseDouble's own syntax: NaN, Infinity, 1e9, hex
			throw new NumberFormatException(text);
		}
		int comma = value.indexOf(',');
		if (comma >= 0) {
			boolean thousands = !decimalComma && value.length() - comma - 1 == 3;
			value = thousands ? value.replace(",", "") : value.replace(',', '.');
		}
		return Double.parseDouble(value);
	}

	static double centimetres(String unit) {
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "mm" -> 0.1;
			case "cm" -> 1;
			case "m" -> 100;
			case "in", "inch", "inches", "\"", "”", "″" -> 2.54;
			case "ft", "feet", "foot", "'" -> 30.48;
			case "yd" -> 91.44;
			default -> throw new IllegalArgumentException("no unit " + unit);
		};
	}

}
