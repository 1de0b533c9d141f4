package com.prompt2pixel.connectors.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a merchant's catalog, whatever its shape, streaming: CSV (encoding and delimiter
 * detected) or an .xlsx workbook; a Shopify or WooCommerce export or any header the
 * synonym table or a mapping file explains; the header found below title rows. Yields
 * products and, for rows that cannot be imported, the problem with their row number;
 * {@link #open} fails with a {@link CatalogFormatException} when the file as a whole is
 * unusable.
 */
public final class CatalogReader implements Closeable {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private final RowSource source;

	private final CatalogLayout layout;

	private final Lines lines;

	private CatalogProduct held;

	private CatalogReader(RowSource source, CatalogLayout layout, Lines lines) {
		this.source = source;
		this.layout = layout;
		this.lines = lines;
	}

	/**
	 * Opens the file and finds its header and layout.
	 * @throws CatalogFormatException naming the file and the problem
	 */
	public static CatalogReader open(Path file, CatalogOptions options) {
		ColumnMapping mapping = (options.mapping() != null) ? ColumnMapping.read(options.mapping()) : null;
		RowSource source = rows(file, options);
		try {
			return locateHeader(file, source, mapping);
		}
		catch (RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	/**
	 * Checks a catalog before anything is imported: readable, a usable header, at least
	 * one data row.
	 * @throws CatalogFormatException naming the problem
	 */
	public static void check(Path file, CatalogOptions options) {
		try (CatalogReader reader = open(file, options)) {
			if (reader.lines.peek() == null) {
				throw new CatalogFormatException("catalog " + file + " has a header but no product rows");
			}
		}
	}

	/**
	 * The next product or row problem, in file order; null after the last row.
	 * @throws CatalogFormatException when the rest of the file cannot be read
	 */
	public CatalogEntry next() {
		while (true) {
			RowProblem problem = this.lines.nextProblem();
			if (problem != null) {
				return CatalogEntry.of(problem);
			}
			if (this.held != null) {
				CatalogProduct product = this.held;
				this.held = null;
				return CatalogEntry.of(product);
			}
			CatalogProduct product;
			try {
				product = this.layout.next(this.lines);
			}
			catch (InvalidCatalogRowException ex) {
				return CatalogEntry.of(ex.problem());
			}
			if (product == null) {
				problem = this.lines.nextProblem();
				return (problem != null) ? CatalogEntry.of(problem) : null;
			}
			// problems found on the product's own rows come before it
			this.held = product;
		}
	}

	/** Data rows read so far (rows of a product that spans several count each). */
	public long rowsRead() {
		return this.lines.read();
	}

	/** How the file was understood: {@code shopify, CSV (UTF-8, ',')}. */
	public String format() {
		return this.layout.name() + ", " + this.source.description();
	}

	private static RowSource rows(Path file, CatalogOptions options) {
		byte[] magic = magic(file);
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (startsWith(magic, OLE2) || name.endsWith(".xls")) {
			throw new CatalogFormatException("catalog " + file + " is a legacy Excel .xls workbook; "
					+ "save it as .xlsx (Excel Workbook) or as CSV and import that");
		}
		if (startsWith(magic, ZIP)) {
			return XlsxRows.open(file, options.sheet());
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
			throw new CatalogFormatException("catalog " + file + " is named like an Excel workbook but is not one "
					+ "(an .xlsx file is a zip archive); if it is CSV text, name it .csv");
		}
		if (options.sheet() != null) {
			throw new CatalogFormatException(
					"catalog " + file + " is CSV text, which has no sheets; " + "--sheet is for .xlsx workbooks");
		}
		return CsvRows.open(file);
	}

	private static CatalogReader locateHeader(Path file, RowSource source, ColumnMapping mapping) {
		boolean decimalComma = (source instanceof CsvRows csv) && csv.decimalComma();
		Header firstHeader = null;
		RuntimeException firstProblem = null;
		for (int i = 0; i < CatalogLimits.HEADER_SEARCH_ROWS; i++) {
			List<String> cells = source.next();
			if (cells == null) {
				break;
			}
			if (cells.size() > CatalogLimits.MAX_COLUMNS) {
				throw new CatalogFormatException(
						"catalog " + file + " has " + cells.size() + " columns on " + source.rowUnit() + " "
								+ source.rowNumber() + "; at most " + CatalogLimits.MAX_COLUMNS + " are supported");
			}
			Header header = new Header(cells);
			firstHeader = (firstHeader != null) ? firstHeader : header;
			try {
				CatalogLayout layout = layout(header, mapping, decimalComma);
				if (layout != null) {
					return new CatalogReader(source, layout, new Lines(source, header, null));
				}
			}
			catch (CatalogFormatException ex) {
				firstProblem = (firstProblem != null) ? firstProblem : ex;
			}
		}
		if (firstHeader == null) {
			throw new CatalogFormatException("catalog " + file + " is empty");
		}
		if (firstProblem != null) {
			throw firstProblem;
		}
		throw new CatalogFormatException("catalog " + file + " lacks required column(s): "
				+ String.join("; ", GenericLayout.missing(firstHeader, mapping)) + "; its header is: " + firstHeader);
	}

	private static CatalogLayout layout(Header header, ColumnMapping mapping, boolean decimalComma) {
		if (mapping != null) {
			return GenericLayout.detect(header, mapping, decimalComma);
		}
		CatalogLayout shopify = ShopifyLayout.detect(header, decimalComma);
		if (shopify != null) {
			return shopify;
		}
		CatalogLayout woo = WooCommerceLayout.detect(header, decimalComma);
		return (woo != null) ? woo : GenericLayout.detect(header, null, decimalComma);
	}

	private static byte[] magic(Path file) {
		try {
			if (Files.isDirectory(file)) {
				throw new CatalogFormatException("catalog " + file + " is a directory, not a file");
			}
			if (Files.size(file) == 0) {
				throw new CatalogFormatException("catalog " + file + " is empty");
			}
			try (InputStream in = Files.newInputStream(file)) {
				return in.readNBytes(4);
			}
		}
		catch (NoSuchFileException ex) {
			throw new CatalogFormatException("catalog file not found: " + file, ex);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void close() {
		this.source.close();
	}

}
