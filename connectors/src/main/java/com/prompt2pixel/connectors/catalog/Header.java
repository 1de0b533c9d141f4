package com.prompt2pixel.connectors.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header row: finds columns by name, matching case-insensitively and ignoring spaces,
 * dashes, underscores, dots and brackets ("Body (HTML)" = "body_html" = "bodyhtml").
 */
final class Header {

	private final List<String> names;

	private final Map<String, Integer> byNormalisedName = new HashMap<>();

	Header(List<String> names) {
		this.names = List.copyOf(names);
		for (int i = 0; i < names.size(); i++) {
			this.byNormalisedName.putIfAbsent(normalise(names.get(i)), i);
		}
	}

	/** The first column named by any of {@code synonyms} (already normalised), or -1. */
	int find(List<String> synonyms) {
		for (String synonym : synonyms) {
			Integer index = this.byNormalisedName.get(synonym);
			if (index != null) {
				return index;
			}
		}
		return -1;
	}

	int find(String... synonyms) {
		return find(List.of(synonyms));
	}

	boolean has(String... synonyms) {
		for (String synonym : synonyms) {
			if (!this.byNormalisedName.containsKey(synonym)) {
				return false;
			}
		}
		return true;
	}

	/** The exact column as written, or -1. */
	int exact(String name) {
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).strip().equals(name.strip())) {
				return i;
			}
		}
		return find(normalise(name));
	}

	/** The column's name as the merchant wrote it, for messages. */
	String name(int index) {
		return this.names.get(index).strip();
	}

	int size() {
		return this.names.size();
	}

	@Override
	public String toString() {
		return String.join(", ", this.names);
	}

	static String normalise(String name) {
		return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.()]+", "");
	}

}
