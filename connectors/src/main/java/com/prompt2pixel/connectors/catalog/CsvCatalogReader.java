package com.prompt2pixel.connectors.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a UTF-8 CSV catalog with a header row, streaming. The header must name a key, a
 * title, a description and an image column (see {@link CatalogField} for the accepted
 * names). {@link #open} fails with a {@link CatalogFormatException} when the file as a
 * whole is unusable; {@link #next} fails with an {@link InvalidCatalogRowException} for
 * one bad row and can be called again for the following rows.
 */
public final class CsvCatalogReader implements Closeable {

	private final Path file;

	private final CsvReader<CsvRecord> csv;

	private final Iterator<CsvRecord> records;

	private final Map<CatalogField, Integer> columns;

	private final List<String> header;

	private final Map<String, Long> firstLineOfKey = new HashMap<>();

	private CsvCatalogReader(Path file, CsvReader<CsvRecord> csv, Iterator<CsvRecord> records, List<String> header) {
		this.file = file;
		this.csv = csv;
		this.records = records;
		this.header = header;
		this.columns = mapHeader(file, header);
	}

	/**
	 * Opens the file and reads its header.
	 * @throws CatalogFormatException when the file is missing, empty, not UTF-8 text, or
	 * lacks a required column
	 */
	public static CsvCatalogReader open(Path file) {
		requireNonEmptyFile(file);
		CsvReader<CsvRecord> csv;
		try {
			InputStreamReader text = new InputStreamReader(Files.newInputStream(file),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT));
			csv = CsvReader.builder()
				.skipEmptyLines(true)
				.allowMissingFields(true)
				.allowExtraFields(true)
				.ofCsvRecord(text);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
		try {
			Iterator<CsvRecord> records = csv.iterator();
			if (!hasNext(file, records)) {
				throw new CatalogFormatException("catalog " + file + " is empty");
			}
			List<String> header = new ArrayList<>(records.next().getFields());
			header.set(0, header.get(0).replace("\uFEFF", ""));
			return new CsvCatalogReader(file, csv, records, List.copyOf(header));
		}
		catch (RuntimeException ex) {
			closeQuietly(csv);
			throw ex;
		}
	}

	/**
	 * Checks a catalog before anything is imported: readable, a usable header, at least
	 * one product row.
	 * @throws CatalogFormatException naming the problem
	 */
	public static void check(Path file) {
		try (CsvCatalogReader reader = open(file)) {
			if (!reader.hasNext()) {
				throw new CatalogFormatException("catalog " + file + " has a header but no product rows");
			}
		}
	}

	public boolean hasNext() {
		return hasNext(this.file, this.records);
	}

	/**
	 * The next product row.
	 * @throws InvalidCatalogRowException when this row lacks a required value or repeats
	 * a key
	 * @throws NoSuchElementException after the last row
	 */
	public CatalogRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException("no more rows in " + this.file);
		}
		CsvRecord record = this.records.next();
		long line = record.getStartingLineNumber();
		String key = required(record, line, CatalogField.KEY);
		String title = required(record, line, CatalogField.TITLE);
		String image = required(record, line, CatalogField.IMAGE);
		Long firstLine = this.firstLineOfKey.putIfAbsent(key, line);
		if (firstLine != null) {
			throw new InvalidCatalogRowException(line, header(CatalogField.KEY),
					"duplicate key '" + key + "', first used on line " + firstLine);
		}
		return new CatalogRow(line, key, title, HtmlText.toPlain(value(record, CatalogField.DESCRIPTION)),
				value(record, CatalogField.CATEGORY), value(record, CatalogField.PRODUCT_TYPE),
				tags(value(record, CatalogField.TAGS)), value(record, CatalogField.VENDOR), image);
	}

	private String required(CsvRecord record, long line, CatalogField field) {
		String value = value(record, field);
		if (value.isEmpty()) {
			throw new InvalidCatalogRowException(line, header(field), "is empty");
		}
		return value;
	}

	private static List<String> tags(String cell) {
		return Arrays.stream(cell.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).distinct().toList();
	}

	private String value(CsvRecord record, CatalogField field) {
		Integer column = this.columns.get(field);
		if (column == null || column >= record.getFieldCount()) {
			return "";
		}
		return record.getField(column).strip();
	}

	/** The column's name as the merchant wrote it, for messages. */
	private String header(CatalogField field) {
		return this.header.get(this.columns.get(field)).strip();
	}

	private static Map<CatalogField, Integer> mapHeader(Path file, List<String> header) {
		Map<CatalogField, Integer> columns = new EnumMap<>(CatalogField.class);
		for (int i = 0; i < header.size(); i++) {
			for (CatalogField field : CatalogField.values()) {
				if (field.matches(header.get(i))) {
					columns.putIfAbsent(field, i);
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (CatalogField field : CatalogField.values()) {
			if (field.required() && !columns.containsKey(field)) {
				missing.add(field.describe());
			}
		}
		if (!missing.isEmpty()) {
			throw new CatalogFormatException("catalog " + file + " lacks required column(s): "
					+ String.join("; ", missing) + "; its header is: " + String.join(", ", header));
		}
		return columns;
	}

	private static void requireNonEmptyFile(Path file) {
		try {
			if (Files.isDirectory(file)) {
				throw new CatalogFormatException("catalog " + file + " is a directory, not a file");
			}
			if (Files.size(file) == 0) {
				throw new CatalogFormatException("catalog " + file + " is empty");
			}
		}
		catch (NoSuchFileException ex) {
			throw new CatalogFormatException("catalog file not found: " + file, ex);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean hasNext(Path file, Iterator<CsvRecord> records) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				throw new CatalogFormatException("catalog " + file + " is not UTF-8 text", ex);
			}
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
		catch (CsvParseException ex) {
			throw new CatalogFormatException("catalog " + file + " is not valid CSV: " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already failing with a better message
		}
	}

	@Override
	public void close() {
		try {
			this.csv.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot close catalog " + this.file, ex);
		}
	}

}
