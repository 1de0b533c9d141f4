package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

/**
 * A CSV file's rows, in the encoding and with the delimiter {@link CsvDialect} detected.
 * Field and record sizes are capped so that a hostile file cannot exhaust memory.
 */
final class CsvRows implements RowSource {

	/** Generous for real cells (Excel holds 32,767 characters), bounded for memory. */
	private static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;

	private static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

	private final Path file;

	private final CsvDialect dialect;

	private final CsvReader<CsvRecord> csv;

	private final Iterator<CsvRecord> records;

	private long rowNumber;

	private int widest;

	private CsvRows(Path file, CsvDialect dialect, CsvReader<CsvRecord> csv) {
		this.file = file;
		this.dialect = dialect;
		this.csv = csv;
		this.records = csv.iterator();
	}

	static CsvRows open(Path file) {
		CsvDialect dialect = CsvDialect.detect(file);
		try {
			InputStream in = Files.newInputStream(file);
			in.skipNBytes(dialect.bomLength());
			// Windows-1252 leaves five byte values undefined; they stand for nothing a
			// merchant typed, so they become U+FFFD rather than failing the file
			CodingErrorAction unmappable = dialect.charset().equals(CsvDialect.WINDOWS_1252) ? CodingErrorAction.REPLACE
					: CodingErrorAction.REPORT;
			Reader text = new InputStreamReader(in,
					dialect.charset()
						.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(unmappable));
			CsvRecordHandler handler = CsvRecordHandler.builder()
				.maxFields(CatalogLimits.MAX_PARSED_COLUMNS)
				.maxFieldSize(MAX_FIELD_CHARS)
				.maxRecordSize(MAX_RECORD_CHARS)
				.build();
			CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(dialect.delimiter())
				.skipEmptyLines(true)
				.allowMissingFields(true)
				.allowExtraFields(true)
				.build(handler, text);
			return new CsvRows(file, dialect, csv);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> next() {
		try {
			while (this.records.hasNext()) {
				CsvRecord record = this.records.next();
				this.rowNumber = record.getStartingLineNumber();
				List<String> fields = record.getFields();
				if (fields.stream().anyMatch((field) -> !field.isBlank())) {
					requireClosedQuotes(fields);
					this.widest = Math.max(this.widest, fields.size());
					return fields;
				}
			}
			return null;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				throw new CatalogFormatException("catalog " + this.file + " is not valid " + this.dialect.charset()
						+ " text after line " + this.rowNumber, ex);
			}
			throw new CatalogFormatException("cannot read catalog " + this.file + ": " + ex.getMessage(), ex);
		}
		catch (CsvParseException ex) {
			throw new CatalogFormatException(
					"catalog " + this.file + " is not valid CSV after line " + this.rowNumber + ": " + reason(ex), ex);
		}
	}

	/**
	 * A quote that is never closed swallows the rest of the file into one field, which
	 * the parser accepts. It shows as a last record with a line break in a field and
	 * fewer fields than the rows before it: refuse the file rather than lose those rows.
	 */
	private void requireClosedQuotes(List<String> fields) {
		if (fields.size() < this.widest && fields.stream().anyMatch((field) -> field.indexOf('\n') >= 0)
				&& !this.records.hasNext()) {
			throw new CatalogFormatException("catalog " + this.file + " is not valid CSV after line "
					+ (this.rowNumber - 1) + ": the quote opened on line " + this.rowNumber
					+ " is never closed, so the rest of the file would be one cell");
		}
	}

	private static String reason(CsvParseException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getMessage();
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public String rowUnit() {
		return "line";
	}

	@Override
	public String description() {
		return "CSV (" + this.dialect.describe() + ")";
	}

	boolean decimalComma() {
		return this.dialect.delimiter() == ';';
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
