package com.prompt2pixel.connectors.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole catalog in tests.
 */
final class Catalogs {

	private Catalogs() {
	}

	static List<CatalogEntry> entries(Path file, CatalogOptions options) {
		List<CatalogEntry> entries = new ArrayList<>();
		try (CatalogReader reader = CatalogReader.open(file, options)) {
			for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
				entries.add(entry);
			}
		}
		return entries;
	}

	static List<CatalogProduct> products(Path file) {
		return products(file, CatalogOptions.DETECT);
	}

	static List<CatalogProduct> products(Path file, CatalogOptions options) {
		return entries(file, options).stream().map(CatalogEntry::product).filter((p) -> p != null).toList();
	}

	static List<RowProblem> problems(Path file) {
		return entries(file, CatalogOptions.DETECT).stream()
			.map(CatalogEntry::problem)
			.filter((p) -> p != null)
			.toList();
	}

}
