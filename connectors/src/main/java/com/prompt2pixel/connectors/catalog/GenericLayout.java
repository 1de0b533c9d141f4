package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.templates.HtmlText;

/**
 * A catalog with one product per row whose columns are found by their names (see
 * {@link CatalogField}) or by a {@link ColumnMapping}.
 */
final class GenericLayout implements CatalogLayout {

	private final Map<CatalogField, Integer> columns;

	private final boolean decimalComma;

	private GenericLayout(Map<CatalogField, Integer> columns, boolean decimalComma) {
		this.columns = columns;
		this.decimalComma = decimalComma;
	}

	/** The layout when the header names every required field, else null. */
	@Override
	public int imageColumn() {
		return this.columns.getOrDefault(CatalogField.IMAGE, -1);
	}

	static GenericLayout detect(Header header, ColumnMapping mapping, boolean decimalComma) {
		Map<CatalogField, Integer> columns = columns(header, mapping);
		for (CatalogField field : CatalogField.values()) {
			if (field.required() && !columns.containsKey(field)) {
				return null;
			}
		}
		return new GenericLayout(columns, decimalComma);
	}

	/** What the header lacks, for the message when no layout fits. */
	static List<String> missing(Header header, ColumnMapping mapping) {
		Map<CatalogField, Integer> columns = columns(header, mapping);
		List<String> missing = new ArrayList<>();
		for (CatalogField field : CatalogField.values()) {
			if (field.required() && !columns.containsKey(field)) {
				missing.add(field.describe());
			}
		}
		return missing;
	}

	private static Map<CatalogField, Integer> columns(Header header, ColumnMapping mapping) {
		Map<CatalogField, Integer> columns = new EnumMap<>(CatalogField.class);
		for (CatalogField field : CatalogField.values()) {
			int index = header.find(field.synonyms());
			if (index >= 0) {
				columns.put(field, index);
			}
		}
		if (mapping != null) {
			columns.putAll(mapping.resolve(header));
		}
		return columns;
	}

	@Override
	public String name() {
		return "generic";
	}

	@Override
	public CatalogProduct next(Lines lines) {
		Line line = lines.take();
		if (line == null) {
			return null;
		}
		String key = required(lines, line, CatalogField.KEY);
		String title = required(lines, line, CatalogField.TITLE);
		String image = cell(line, CatalogField.IMAGE);
		BigDecimal price = Prices.inCell(lines, line, this.columns.getOrDefault(CatalogField.PRICE, -1),
				this.decimalComma);
		Double sizeCm = Sizes.inCell(lines, line, this.columns.getOrDefault(CatalogField.DIMENSIONS, -1),
				this.decimalComma);
		return new CatalogProduct(line.number(), key, null, null, title,
				HtmlText.toPlain(cell(line, CatalogField.DESCRIPTION)), cell(line, CatalogField.VENDOR),
				cell(line, CatalogField.PRODUCT_TYPE), cell(line, CatalogField.CATEGORY),
				Lists.split(cell(line, CatalogField.TAGS)), "", 1, price, image.isEmpty() ? List.of() : List.of(image),
				sizeCm);
	}

	private String required(Lines lines, Line line, CatalogField field) {
		String value = cell(line, field);
		if (value.isEmpty()) {
			throw new InvalidCatalogRowException(line.number(), lines.column(this.columns.get(field)), "is empty");
		}
		return value;
	}

	private String cell(Line line, CatalogField field) {
		return line.cell(this.columns.getOrDefault(field, -1));
	}

}
