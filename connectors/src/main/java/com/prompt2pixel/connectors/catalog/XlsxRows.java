package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The rows of one sheet of an .xlsx workbook, streamed in constant memory: the sheet's
 * XML is pulled row by row ({@link SheetXml}: no DTDs, no entities but XML's own); only
 * the shared strings (read the same way) and the styles (by POI, hardened too) are held.
 * Cells become the text a merchant sees: numbers without a trailing {@code .0}, dates as
 * ISO dates, booleans as TRUE/FALSE, formulas as their cached values, so that workbooks
 * written by Excel, LibreOffice and openpyxl read the same.
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

	private final OPCPackage workbook;

	private final String sheetName;

	private final InputStream sheet;

	private final SheetXml xml;

	/** The workbook's shared strings, which Excel writes all text cells as. */
	private final SharedStrings strings;

	private final DateStyles dates;

	private List<String> peeked;

	private long peekedNumber;

	private long rowNumber;

	private XlsxRows(Path file, OPCPackage workbook, String sheetName, InputStream sheet, SharedStrings strings,
			DateStyles dates) {
		this.file = file;
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.sheet = sheet;
		this.strings = strings;
		this.dates = dates;
		this.xml = new SheetXml(sheet);
	}

	/**
	 * Opens the named sheet, or the first sheet with any content when {@code sheet} is
	 * null.
	 */
	static XlsxRows open(Path file, String sheet) {
		OPCPackage workbook;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			throw unreadable(file, ex);
		}
		try {
			XSSFReader reader = new XSSFReader(workbook);
			SharedStrings strings = sharedStrings(file, workbook);
			DateStyles dates = new DateStyles(reader.getStylesTable());
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<String> names = new ArrayList<>();
			while (sheets.hasNext()) {
				InputStream data = sheets.next();
				String name = sheets.getSheetName();
				names.add("'" + name + "'");
				if (sheet != null && !sheet.equals(name)) {
					data.close();
					continue;
				}
				XlsxRows rows = new XlsxRows(file, workbook, name, data, strings, dates);
				if (sheet != null || rows.peek()) {
					return rows;
				}
				data.close();
			}
			if (sheet != null) {
				throw new CatalogFormatException("catalog " + file + " has no sheet named '" + sheet
						+ "'; its sheets are: " + String.join(", ", names));
			}
			throw new CatalogFormatException("catalog " + file + " is empty: none of its sheets has any cells");
		}
		catch (CatalogFormatException ex) {
			workbook.revert();
			throw ex;
		}
		catch (Exception ex) {
			workbook.revert();
			throw unreadable(file, ex);
		}
	}

	@Override
	public List<String> next() {
		if (this.peeked == null && !peek()) {
			return null;
		}
		List<String> cells = this.peeked;
		this.rowNumber = this.peekedNumber;
		this.peeked = null;
		return cells;
	}

	/** Reads ahead to the next row with any text; false at the end of the sheet. */
	private boolean peek() {
		try {
			while (this.xml.nextRow()) {
				String number = this.xml.reference();
				this.peekedNumber = (number != null) ? Long.parseLong(number.strip()) : this.peekedNumber + 1;
				if (this.xml.emptyElement()) {
					continue;
				}
				List<String> cells = row();
				if (cells.stream().anyMatch((cell) -> !cell.isBlank())) {
					this.peeked = cells;
					return true;
				}
			}
			return false;
		}
		catch (RuntimeException ex) {
			throw unreadable(this.file, ex);
		}
	}

	/** The cells of the row just moved to, up to its end tag. */
	private List<String> row() {
		List<String> cells = new ArrayList<>();
		boolean[] inline = new boolean[1];
		while (this.xml.nextCell()) {
			String reference = this.xml.reference();
			int column = (reference != null) ? column(reference) : cells.size();
			String type = this.xml.type();
			String style = this.xml.style();
			String content = this.xml.cellContent(inline);
			if (column >= CatalogLimits.MAX_PARSED_COLUMNS) {
				continue;
			}
			String text = cell(content, inline[0], type, style);
			while (cells.size() < column) {
				cells.add("");
			}
			if (column < cells.size()) {
				cells.set(column, text);
			}
			else {
				cells.add(text);
			}
		}
		return cells;
	}

	/** A cell's text as the merchant sees it, from its content, type and style. */
	private String cell(String value, boolean inline, String type, String style) {
		if (inline) {
			return value;
		}
		if (value == null) {
			return "";
		}
		return switch ((type != null) ? type : "n") {
			case "s" -> sharedString(value);
			case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
			case "e" -> "";
			case "n" -> numeric(value, style);
			default -> value;
		};
	}

	private String sharedString(String value) {
		int index = Integer.parseInt(value.strip());
		if (index < 0 || index >= this.strings.size()) {
			throw new IllegalStateException(
					"a cell refers to shared string " + index + ", and the workbook has " + this.strings.size());
		}
		return this.strings.get(index);
	}

	/** The shared-strings part, read like the sheets; none when the workbook has none. */
	private static SharedStrings sharedStrings(Path file, OPCPackage workbook) throws Exception {
		List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return SharedStrings.NONE;
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return new SheetXml(in).sharedStrings();
		}
		catch (SharedStrings.TooLarge ex) {
			throw new CatalogFormatException("catalog " + file + " holds " + ex.getMessage()
					+ ", more than an import reads from one workbook; save the sheet as CSV (UTF-8) and import that, "
					+ "or split the workbook", ex);
		}
	}

	private String numeric(String value, String style) {
		double number;
		try {
			number = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
		if (style != null && this.dates.isDate(Integer.parseInt(style)) && DateUtil.isValidExcelDate(number)) {
			return date(DateUtil.getLocalDateTime(number));
		}
		return number(number);
	}

	/** {@code AB12} -> 27. */
	private static int column(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
		}
		return column - 1;
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

	private static CatalogFormatException unreadable(Path file, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (String.valueOf(cause.getMessage()).contains("Zip bomb")) {
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
		try {
			this.sheet.close();
		}
		catch (IOException ex) {
			// nothing was written; the file stays as it was
		}
		finally {
			this.workbook.revert();
		}
	}

	/**
	 * Which cell styles format a number as a date, decided once per style.
	 */
	private static final class DateStyles {

		private final StylesTable styles;

		private final Map<Integer, Boolean> dateByStyle = new HashMap<>();

		DateStyles(StylesTable styles) {
			this.styles = styles;
		}

		boolean isDate(int style) {
			if (this.styles == null) {
				return false;
			}
			return this.dateByStyle.computeIfAbsent(style, (index) -> {
				if (index >= this.styles.getNumCellStyles()) {
					return false;
				}
				short format = this.styles.getStyleAt(index).getDataFormat();
				String pattern = this.styles.getStyleAt(index).getDataFormatString();
				if (pattern == null) {
					pattern = BuiltinFormats.getBuiltinFormat(format);
				}
				return pattern != null && DateUtil.isADateFormat(format, pattern);
			});
		}

	}

}
