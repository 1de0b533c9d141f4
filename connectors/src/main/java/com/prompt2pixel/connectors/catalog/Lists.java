package com.prompt2pixel.connectors.catalog;

import java.util.Arrays;
import java.util.List;

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
		return Arrays.stream(cell.split(","))
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
	}

}
