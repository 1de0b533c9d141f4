package com.prompt2pixel.connectors.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a merchant's catalog, whatever its shape, streaming: CSV (encoding and delimiter
 * detected) or an .xlsx workbook; a Shopify or WooCommerce export or any header the
 * synonym table or a mapping file explains; the header found below title rows. Yields
 * products and, for rows that cannot be imported, the problem with their row number;
 * {@link #open} fails with a {@link CatalogFormatException} when the file as a whole is
 * unusable. A {@code .jsonl} file is a Shopify product snapshot, as the Shopify connector
 * downloads it.
 */
public final class CatalogReader implements Closeable {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private final CatalogSource source;

	private CatalogReader(CatalogSource source) {
		this.source = source;
	}

	/**
	 * Opens the file and finds its header and layout.
	 * @throws CatalogFormatException naming the file and the problem
	 */
	public static CatalogReader open(Path file, CatalogOptions options) {
		ColumnMapping mapping = (options.mapping() != null) ? ColumnMapping.read(options.mapping()) : null;
		byte[] magic = magic(file);
		if (isSnapshot(file)) {
			if (mapping != null || options.sheet() != null) {
				throw new CatalogFormatException("catalog " + file
						+ " is a Shopify product snapshot, read as Shopify writes it; --mapping and --sheet are for CSV and .xlsx files");
			}
			return new CatalogReader(ShopifySnapshot.open(file));
		}
		return new CatalogReader(TabularCatalog.open(file, rows(file, magic, options), mapping));
	}

	/**
	 * Checks a catalog before anything is imported: readable, a usable header, at least
	 * one data row.
	 * @throws CatalogFormatException naming the problem
	 */
	public static void check(Path file, CatalogOptions options) {
		try (CatalogReader reader = open(file, options)) {
			if (!reader.source.hasMore()) {
				throw new CatalogFormatException("catalog " + file + " has a header but no product rows");
			}
		}
	}

	/**
	 * The next product or row problem, in file order; null after the last row.
	 * @throws CatalogFormatException when the rest of the file cannot be read
	 */
	public CatalogEntry next() {
		return this.source.next();
	}

	/** Data rows read so far (rows of a product that spans several count each). */
	public long rowsRead() {
		return this.source.rowsRead();
	}

	/** How the file was understood: {@code shopify, CSV (UTF-8, ',')}. */
	public String format() {
		return this.source.format();
	}

	/**
	 * The merchant's name of the column photos come from ({@code Bild},
	 * {@code Image Src}; {@code media} for a Shopify snapshot), for problems found with a
	 * photo later.
	 */
	public String imageColumn() {
		return this.source.imageColumn();
	}

	/**
	 * A Shopify product snapshot: the JSON Lines a bulk operation writes, which the
	 * Shopify connector also writes for paged reads and webhooks.
	 */
	private static boolean isSnapshot(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".jsonl") || name.endsWith(".ndjson");
	}

	private static RowSource rows(Path file, byte[] magic, CatalogOptions options) {
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
