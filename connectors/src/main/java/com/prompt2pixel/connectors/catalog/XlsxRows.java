package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.MissingSheetException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rows of one sheet of an .xlsx workbook, streamed in constant memory (rows are
 * parsed as they are read; only the shared-strings table is held). Cells become the text
 * a merchant sees: numbers without a trailing {@code .0}, dates as ISO dates, booleans as
 * TRUE/FALSE, formulas as their cached values, so that workbooks written by Excel,
 * LibreOffice and openpyxl read the same.
 */
final class XlsxRows implements RowSource {

	static {
		// uploads come from strangers: refuse a part that expands more than 100 times
		// its compressed size (POI's default too, stated so it cannot drift). The size
		// of a part is not capped below POI's 4 GiB: a full sheet of a million rows is
		// about a gigabyte of XML, and it is streamed
		ZipSecureFile.setMinInflateRatio(0.01);
	}

	private final Path file;

	private final Workbook workbook;

	private final String sheetName;

	private final Iterator<Row> rows;

	private Row peeked;

	private long rowNumber;

	private XlsxRows(Path file, Workbook workbook, String sheetName, Iterator<Row> rows, Row peeked) {
		this.file = file;
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.rows = rows;
		this.peeked = peeked;
	}

	/**
	 * Opens the named sheet, or the first sheet with any content when {@code sheet} is
	 * null.
	 */
	static XlsxRows open(Path file, String sheet) {
		Workbook workbook;
		try {
			workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(file.toFile());
		}
		catch (RuntimeException ex) {
			throw unreadable(file, ex);
		}
		try {
			if (sheet != null) {
				Sheet named = sheet(workbook, sheet);
				if (named == null) {
					throw new CatalogFormatException("catalog " + file + " has no sheet named '" + sheet
							+ "'; its sheets are: " + String.join(", ", sheetNames(workbook)));
				}
				Iterator<Row> rows = named.rowIterator();
				return new XlsxRows(file, workbook, sheet, rows, firstWithContent(rows));
			}
			for (Sheet candidate : workbook) {
				Iterator<Row> rows = candidate.rowIterator();
				Row first = firstWithContent(rows);
				if (first != null) {
					return new XlsxRows(file, workbook, candidate.getSheetName(), rows, first);
				}
			}
			throw new CatalogFormatException("catalog " + file + " is empty: none of its sheets has any cells");
		}
		catch (CatalogFormatException ex) {
			closeQuietly(workbook);
			throw ex;
		}
		catch (RuntimeException ex) {
			closeQuietly(workbook);
			throw unreadable(file, ex);
		}
	}

	@Override
	public List<String> next() {
		try {
			Row row = (this.peeked != null) ? this.peeked : firstWithContent(this.rows);
			this.peeked = null;
			if (row == null) {
				return null;
			}
			this.rowNumber = row.getRowNum() + 1L;
			return cells(row);
		}
		catch (CatalogFormatException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw unreadable(this.file, ex);
		}
	}

	private static Sheet sheet(Workbook workbook, String name) {
		try {
			return workbook.getSheet(name);
		}
		catch (MissingSheetException ex) {
			return null;
		}
	}

	/** The next row with any text, as its cells; its number goes to {@code rowNumber}. */
	private static Row firstWithContent(Iterator<Row> rows) {
		while (rows.hasNext()) {
			Row row = rows.next();
			for (Cell cell : row) {
				if (cell.getCellType() != CellType.BLANK && !text(cell).isBlank()) {
					return row;
				}
			}
		}
		return null;
	}

	private static List<String> cells(Row row) {
		int width = Math.max(row.getLastCellNum(), 0);
		if (width > CatalogLimits.MAX_PARSED_COLUMNS) {
			width = CatalogLimits.MAX_PARSED_COLUMNS;
		}
		List<String> cells = new ArrayList<>(width);
		for (Cell cell : row) {
			int column = cell.getColumnIndex();
			if (column >= width) {
				break;
			}
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(text(cell));
		}
		return cells;
	}

	static String text(Cell cell) {
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
					: number(cell.getNumericCellValue());
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			default -> "";
		};
	}

	private static String date(LocalDateTime value) {
		return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private static List<String> sheetNames(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach((sheet) -> names.add("'" + sheet.getSheetName() + "'"));
		return names;
	}

	private static CatalogFormatException unreadable(Path file, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb")) {
				return new CatalogFormatException("catalog " + file
						+ " was refused: a part of the workbook expands to far more than its compressed size "
						+ "(a zip bomb)", ex);
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new CatalogFormatException(
				"catalog " + file + " cannot be read as an .xlsx workbook: " + oneLine(root.getMessage()), ex);
	}

	private static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s+", " ").strip() : "unknown problem";
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public String rowUnit() {
		return "row";
	}

	@Override
	public String description() {
		return "XLSX (sheet '" + this.sheetName + "')";
	}

	@Override
	public void close() {
		closeQuietly(this.workbook);
	}

	private static void closeQuietly(Workbook workbook) {
		try {
			workbook.close();
		}
		catch (IOException ex) {
			// nothing was written; the file stays as it was
		}
	}

}
