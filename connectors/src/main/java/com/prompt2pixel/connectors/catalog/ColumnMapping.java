package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's own column names for the catalog fields, for headers the synonym table
 * does not know. One {@code field = Column name} per line; {@code #} starts a comment:
 *
 * <pre>
 * key   = Art.-Nr.
 * title = Bezeichnung lang
 * image = Bild 1
 * </pre>
 */
final class ColumnMapping {

	private final Path file;

	private final Map<CatalogField, String> columns;

	private ColumnMapping(Path file, Map<CatalogField, String> columns) {
		this.file = file;
		this.columns = columns;
	}

	/**
	 * @throws CatalogFormatException when the file is missing or a line is not
	 * {@code field = column} with a known field
	 */
	static ColumnMapping read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new CatalogFormatException("mapping file not found: " + file, ex);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read mapping " + file + ": " + ex.getMessage(), ex);
		}
		Map<CatalogField, String> columns = new EnumMap<>(CatalogField.class);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).replace("\uFEFF", "").strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 0) {
				throw new CatalogFormatException("mapping " + file + " line " + (i + 1)
						+ ": expected 'field = Column name', got '" + line + "'");
			}
			int number = i + 1;
			String name = line.substring(0, equals).strip();
			String column = line.substring(equals + 1).strip();
			CatalogField field = Arrays.stream(CatalogField.values())
				.filter((candidate) -> candidate.key().equalsIgnoreCase(name))
				.findFirst()
				.orElseThrow(() -> new CatalogFormatException("mapping " + file + " line " + number
						+ ": unknown field '" + name + "'; the fields are: " + fieldNames()));
			if (column.isEmpty()) {
				throw new CatalogFormatException(
						"mapping " + file + " line " + (i + 1) + ": no column named for '" + name + "'");
			}
			columns.put(field, column);
		}
		return new ColumnMapping(file, columns);
	}

	/**
	 * @throws CatalogFormatException when the header lacks a column the mapping names
	 */
	Map<CatalogField, Integer> resolve(Header header) {
		Map<CatalogField, Integer> resolved = new EnumMap<>(CatalogField.class);
		this.columns.forEach((field, column) -> {
			int index = header.exact(column);
			if (index < 0) {
				throw new CatalogFormatException("mapping " + this.file + " names column '" + column + "' for "
						+ field.key() + ", but the catalog has no such column; its header is: " + header);
			}
			resolved.put(field, index);
		});
		return resolved;
	}

	private static String fieldNames() {
		return String.join(", ", Arrays.stream(CatalogField.values()).map(CatalogField::key).toList());
	}

}
