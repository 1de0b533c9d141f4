package com.prompt2pixel.connectors.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A catalog table, CSV or XLSX: its header found below title rows, its layout detected
 * from the header (Shopify, WooCommerce, or generic through synonyms or a mapping), its
 * rows turned into products.
 */
final class TabularCatalog implements CatalogSource {

	private final RowSource source;

	private final CatalogLayout layout;

	private final Lines lines;

	private CatalogProduct held;

	private TabularCatalog(RowSource source, CatalogLayout layout, Lines lines) {
		this.source = source;
		this.layout = layout;
		this.lines = lines;
	}

	/**
	 * Finds the header and the layout; closes the rows when it fails.
	 * @throws CatalogFormatException naming the file and the problem
	 */
	static TabularCatalog open(Path file, RowSource source, ColumnMapping mapping) {
		try {
			return locateHeader(file, source, mapping);
		}
		catch (RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	/**
	 * The next product or row problem, in file order; null after the last row.
	 * @throws CatalogFormatException when the rest of the file cannot be read
	 */
	@Override
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
	@Override
	public long rowsRead() {
		return this.lines.read();
	}

	/** How the file was understood: {@code shopify, CSV (UTF-8, ',')}. */
	@Override
	public String format() {
		return this.layout.name() + ", " + this.source.description();
	}

	@Override
	public String imageColumn() {
		int column = this.layout.imageColumn();
		return (column >= 0) ? this.lines.column(column) : CatalogField.IMAGE.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean hasMore() {
		return this.held != null || this.lines.peek() != null;
	}

	private static TabularCatalog locateHeader(Path file, RowSource source, ColumnMapping mapping) {
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
					return new TabularCatalog(source, layout, new Lines(source, header, null));
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

	@Override
	public void close() {
		this.source.close();
	}

}
