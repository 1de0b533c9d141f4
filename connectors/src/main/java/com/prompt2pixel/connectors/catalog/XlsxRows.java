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

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * The rows of one sheet of an .xlsx workbook, streamed in constant memory: the sheet's
 * XML is pulled row by row (StAX, through POI's hardened factory: no DTDs, no external
 * entities); only the shared-strings table and the styles are held. Cells become the text
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

	private final OPCPackage workbook;

	private final String sheetName;

	private final InputStream sheet;

	private final XMLStreamReader xml;

	private final ReadOnlySharedStringsTable strings;

	private final DateStyles dates;

	private List<String> peeked;

	private long peekedNumber;

	private long rowNumber;

	private XlsxRows(Path file, OPCPackage workbook, String sheetName, InputStream sheet,
			ReadOnlySharedStringsTable strings, DateStyles dates) throws XMLStreamException {
		this.file = file;
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.sheet = sheet;
		this.strings = strings;
		this.dates = dates;
		this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
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
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
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
			while (this.xml.hasNext()) {
				if (this.xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(this.xml.getLocalName())) {
					String number = this.xml.getAttributeValue(null, "r");
					this.peekedNumber = (number != null) ? Long.parseLong(number) : this.peekedNumber + 1;
					List<String> cells = row();
					if (cells.stream().anyMatch((cell) -> !cell.isBlank())) {
						this.peeked = cells;
						return true;
					}
				}
			}
			return false;
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw unreadable(this.file, ex);
		}
	}

	/** The cells of the row whose start tag was just read, up to its end tag. */
	private List<String> row() throws XMLStreamException {
		List<String> cells = new ArrayList<>();
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && "row".equals(this.xml.getLocalName())) {
				return cells;
			}
			if (event == XMLStreamConstants.START_ELEMENT && "c".equals(this.xml.getLocalName())) {
				String reference = this.xml.getAttributeValue(null, "r");
				int column = (reference != null) ? column(reference) : cells.size();
				if (column >= CatalogLimits.MAX_PARSED_COLUMNS) {
					skipElement();
					continue;
				}
				String text = cell(this.xml.getAttributeValue(null, "t"), this.xml.getAttributeValue(null, "s"));
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
		}
		return cells;
	}

	/** Reads the cell whose start tag was just read, up to its end tag. */
	private String cell(String type, String style) throws XMLStreamException {
		String value = null;
		StringBuilder inline = null;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && "c".equals(this.xml.getLocalName())) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (this.xml.getLocalName()) {
				case "v" -> value = this.xml.getElementText();
				case "t" -> {
					inline = (inline != null) ? inline : new StringBuilder();
					inline.append(this.xml.getElementText());
				}
				case "f", "rPh" -> skipElement();
				default -> {
					// <is> and <r> wrap the <t> of inline strings
				}
			}
		}
		if (inline != null) {
			return inline.toString();
		}
		if (value == null) {
			return "";
		}
		return switch ((type != null) ? type : "n") {
			case "s" -> this.strings.getItemAt(Integer.parseInt(value.strip())).getString();
			case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
			case "e" -> "";
			case "n" -> numeric(value, style);
			default -> value;
		};
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

	private void skipElement() throws XMLStreamException {
		int depth = 1;
		while (depth > 0 && this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
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
			this.xml.close();
			this.sheet.close();
		}
		catch (XMLStreamException | IOException ex) {
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
