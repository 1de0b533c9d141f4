package com.prompt2pixel.connectors.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists written into one cell, such as tags ({@code gift, ceramic}).
 */
final class Lists {

	private Lists() {
	}

	/** The comma-separated values, trimmed, without empties and repeats. */
	static List<String> split(String cell) {
		if (cell.isEmpty()) {
			return List.of();
		}
		Set<String> values = new LinkedHashSet<>();
		int start = 0;
		while (start <= cell.length()) {
			int comma = cell.indexOf(',', start);
			int end = (comma < 0) ? cell.length() : comma;
			String value = cell.substring(start, end).strip();
			if (!value.isEmpty()) {
				values.add(value);
			}
			start = end + 1;
		}
		return List.copyOf(values);
	}

}
