package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.templates.HtmlText;

/**
 * WooCommerce's product CSV export: one row per product or variation. A {@code variable}
 * product's variations are rows of type {@code variation} whose Parent names it
 * ({@code id:123} or its SKU), anywhere in the file; the import folds them into their
 * product. Images are a comma-separated list; Categories are {@code >} paths, several
 * separated by commas (the first is used). Its Type column says simple, variable or
 * variation, not what the product is, so products from it have no product type.
 */
final class WooCommerceLayout implements CatalogLayout {

	private static final int ATTRIBUTES = 10;

	private final int id;

	private final int type;

	private final int sku;

	private final int name;

	private final int description;

	private final int shortDescription;

	private final int categories;

	private final int tags;

	private final int images;

	private final int parent;

	private final int price;

	private final int brands;

	private final List<int[]> attributes = new ArrayList<>();

	/**
	 * The length, width and height columns found, each with the unit its header names.
	 */
	private final List<Dimension> dimensions = new ArrayList<>();

	private final boolean decimalComma;

	private WooCommerceLayout(Header header, boolean decimalComma) {
		this.id = header.find("id");
		this.type = header.find("type");
		this.sku = header.find("sku");
		this.name = header.find("name");
		this.description = header.find("description");
		this.shortDescription = header.find("shortdescription");
		this.categories = header.find("categories");
		this.tags = header.find("tags");
		this.images = header.find("images");
		this.parent = header.find("parent");
		this.price = header.find("regularprice", "price");
		this.brands = header.find("brands", "brand");
		for (int i = 1; i <= ATTRIBUTES; i++) {
			int attributeName = header.find("attribute" + i + "name");
			int attributeValues = header.find("attribute" + i + "values", "attribute" + i + "value");
			if (attributeName >= 0 && attributeValues >= 0) {
				this.attributes.add(new int[] { attributeName, attributeValues });
			}
		}
		for (String dimension : DIMENSIONS) {
			for (String unit : UNITS) {
				int column = header.find(dimension + unit);
				if (column >= 0) {
					this.dimensions.add(new Dimension(column, unit));
				}
			}
		}
		this.decimalComma = decimalComma;
	}

	/**
	 * WooCommerce's export writes {@code Length (cm)}, {@code Width (cm)} and
	 * {@code Height (cm)}, in the store's unit.
	 */
	private static final List<String> DIMENSIONS = List.of("length", "width", "height");

	private static final List<String> UNITS = List.of("mm", "cm", "m", "in", "yd");

	private record Dimension(int column, String unit) {
	}

	/**
	 * The largest of the row's length, width and height, in centimetres; null if none.
	 */
	private Double sizeCm(Lines lines, Line line) {
		Double largest = null;
		for (Dimension dimension : this.dimensions) {
			Double cm = Sizes.inCell(lines, line, dimension.column(), dimension.unit(), this.decimalComma);
			if (cm != null && cm > 0 && (largest == null || cm > largest)) {
				if (cm > Sizes.MOST_CM) {
					throw new InvalidCatalogRowException(line.number(), lines.column(dimension.column()),
							"'" + line.cell(dimension.column()) + "' is no product's size");
				}
				largest = cm;
			}
		}
		return largest;
	}

	@Override
	public int imageColumn() {
		return this.images;
	}

	static WooCommerceLayout detect(Header header, boolean decimalComma) {
		boolean woo = header.has("type", "parent", "name") && (header.has("sku") || header.has("id"))
				&& (header.has("images") || header.has("regularprice"));
		return woo ? new WooCommerceLayout(header, decimalComma) : null;
	}

	@Override
	public String name() {
		return "woocommerce";
	}

	@Override
	public CatalogProduct next(Lines lines) {
		Line line = lines.take();
		if (line == null) {
			return null;
		}
		String productId = line.cell(this.id);
		String key = !line.cell(this.sku).isEmpty() ? line.cell(this.sku)
				: !productId.isEmpty() ? "id:" + productId : "";
		if (key.isEmpty()) {
			throw new InvalidCatalogRowException(line.number(), lines.column(this.sku), "has neither a SKU nor an ID");
		}
		String altKey = productId.isEmpty() ? null : "id:" + productId;
		BigDecimal regularPrice = Prices.inCell(lines, line, this.price, this.decimalComma);
		List<String> imageUrls = Lists.split(line.cell(this.images));
		if (line.cell(this.type).contains("variation")) {
			String parentKey = line.cell(this.parent);
			if (parentKey.isEmpty()) {
				throw new InvalidCatalogRowException(line.number(), lines.column(this.parent),
						"is empty for a variation");
			}
			return new CatalogProduct(line.number(), key, altKey, parentKey, line.cell(this.name), "", "", "", "",
					List.of(), options(line), 1, regularPrice, imageUrls, null);
		}
		String title = line.cell(this.name);
		if (title.isEmpty()) {
			throw new InvalidCatalogRowException(line.number(), lines.column(this.name), "is empty");
		}
		String text = !line.cell(this.description).isEmpty() ? line.cell(this.description)
				: line.cell(this.shortDescription);
		List<String> categoryPaths = Lists.split(line.cell(this.categories).replace("\\,", "\u0000"));
		String category = categoryPaths.isEmpty() ? "" : categoryPaths.get(0).replace('\u0000', ',');
		return new CatalogProduct(line.number(), key, altKey, null, title, HtmlText.toPlain(text),
				line.cell(this.brands), "", category, Lists.split(line.cell(this.tags)), options(line), 1, regularPrice,
				imageUrls, sizeCm(lines, line));
	}

	/** {@code Color: Blue, Red; Size: M} from the Attribute N name / value(s) columns. */
	private String options(Line line) {
		List<String> options = new ArrayList<>();
		for (int[] attribute : this.attributes) {
			String attributeName = line.cell(attribute[0]);
			String values = line.cell(attribute[1]);
			if (!attributeName.isEmpty() && !values.isEmpty()) {
				options.add(attributeName + ": " + String.join(", ", Lists.split(values)));
			}
		}
		return String.join("; ", options);
	}

}
