package com.prompt2pixel.connectors.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table the system writes for people to open in a spreadsheet: {@code .csv} (UTF-8) or
 * {@code .xlsx}, by the target's name, streamed row by row into a temporary file that
 * replaces the target on {@link #commit()} (closing without committing discards it). Text
 * cells are neutralised against formula injection ({@link SpreadsheetSafe}); numbers are
 * written as numbers.
 */
public final class TableFile implements AutoCloseable {

	private final Path target;

	private final Path temporary;

	private final CsvWriter csv;

	private final SXSSFWorkbook workbook;

	private final Sheet sheet;

	private int rows;

	private boolean committed;

	private TableFile(Path target, Path temporary, CsvWriter csv, SXSSFWorkbook workbook) {
		this.target = target;
		this.temporary = temporary;
		this.csv = csv;
		this.workbook = workbook;
		this.sheet = (workbook != null) ? workbook.createSheet("Sheet1") : null;
	}

	/**
	 * Starts the table with its header row.
	 * @throws IllegalArgumentException when the target is neither .csv nor .xlsx
	 */
	public static TableFile create(Path target, List<String> header) {
		String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
		boolean xlsx = name.endsWith(".xlsx");
		if (!xlsx && !name.endsWith(".csv")) {
			throw new IllegalArgumentException("cannot write " + target + ": the file name must end in .csv or .xlsx");
		}
		try {
			Path folder = target.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, ".partial-", ".tmp");
			TableFile table;
			if (xlsx) {
				// 100 rows in memory, the rest flushed to disk: constant memory for any
				// size
				table = new TableFile(target, temporary, null, new SXSSFWorkbook(100));
			}
			else {
				Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
				table = new TableFile(target, temporary, CsvWriter.builder().build(writer), null);
			}
			table.add(List.copyOf(header));
			return table;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + target, ex);
		}
	}

	/** Adds a row; a {@link Number} stays a number, anything else is text. */
	public void add(List<?> cells) {
		if (this.csv != null) {
			this.csv.writeRecord(cells.stream().map(TableFile::text).toList());
			return;
		}
		Row row = this.sheet.createRow(this.rows++);
		for (int i = 0; i < cells.size(); i++) {
			Object value = cells.get(i);
			if (value instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(text(value));
			}
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		return (value instanceof Number) ? value.toString() : SpreadsheetSafe.cell(value.toString());
	}

	public void commit() {
		try {
			finish();
			try {
				Files.move(this.temporary, this.target, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(this.temporary, this.target, StandardCopyOption.REPLACE_EXISTING);
			}
			this.committed = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.target, ex);
		}
	}

	private void finish() throws IOException {
		if (this.csv != null) {
			this.csv.close();
			return;
		}
		try (OutputStream out = Files.newOutputStream(this.temporary)) {
			this.workbook.write(out);
		}
		finally {
			this.workbook.close();
		}
	}

	@Override
	public void close() {
		if (this.committed) {
			return;
		}
		try {
			if (this.csv != null) {
				this.csv.close();
			}
			else {
				this.workbook.close();
			}
			Files.deleteIfExists(this.temporary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot discard unfinished " + this.temporary, ex);
		}
	}

}
