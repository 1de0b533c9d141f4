package com.prompt2pixel.connectors.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.prompt2pixel.templates.HtmlText;

/**
 * Shopify's product CSV export. A product spans consecutive rows with the same Handle:
 * the first carries title, body HTML, vendor, type, category and tags; every row may add
 * a variant (option values, Variant SKU, Variant Price, Variant Image) and an image
 * (Image Src at Image Position).
 */
final class ShopifyLayout implements CatalogLayout {

	private static final int OPTIONS = 3;

	private final int handle;

	private final int title;

	private final int body;

	private final int vendor;

	private final int type;

	private final int category;

	private final int tags;

	private final int[] optionName = new int[OPTIONS];

	private final int[] optionValue = new int[OPTIONS];

	private final int variantSku;

	private final int variantPrice;

	private final int variantImage;

	private final int imageSrc;

	private final int imagePosition;

	private final boolean decimalComma;

	private ShopifyLayout(Header header, boolean decimalComma) {
		this.handle = header.find("handle");
		this.title = header.find("title");
		this.body = header.find("bodyhtml", "body");
		this.vendor = header.find("vendor");
		this.type = header.find("type", "producttype");
		this.category = header.find("productcategory", "standardizedproducttype", "customproducttype");
		this.tags = header.find("tags");
		for (int i = 0; i < OPTIONS; i++) {
			this.optionName[i] = header.find("option" + (i + 1) + "name");
			this.optionValue[i] = header.find("option" + (i + 1) + "value");
		}
		this.variantSku = header.find("variantsku");
		this.variantPrice = header.find("variantprice");
		this.variantImage = header.find("variantimage");
		this.imageSrc = header.find("imagesrc");
		this.imagePosition = header.find("imageposition");
		this.decimalComma = decimalComma;
	}

	@Override
	public int imageColumn() {
		return (this.imageSrc >= 0) ? this.imageSrc : this.variantImage;
	}

	static ShopifyLayout detect(Header header, boolean decimalComma) {
		boolean shopify = header.has("handle", "title")
				&& (header.has("variantsku") || header.has("imagesrc") || header.has("option1value"));
		return shopify ? new ShopifyLayout(header, decimalComma) : null;
	}

	@Override
	public String name() {
		return "shopify";
	}

	@Override
	public CatalogProduct next(Lines lines) {
		Line first = lines.peek();
		if (first == null) {
			return null;
		}
		String key = first.cell(this.handle);
		List<Line> rows = new ArrayList<>();
		InvalidCatalogRowException firstProblem = null;
		while (lines.peek() != null && lines.peek().cell(this.handle).equals(key)) {
			try {
				rows.add(lines.take());
			}
			catch (InvalidCatalogRowException ex) {
				if (rows.isEmpty() && firstProblem == null) {
					firstProblem = ex;
				}
				else {
					lines.report(ex.problem());
				}
			}
			if (key.isEmpty()) {
				break;
			}
		}
		if (firstProblem != null) {
			throw firstProblem;
		}
		if (key.isEmpty()) {
			throw new InvalidCatalogRowException(first.number(), lines.column(this.handle), "is empty");
		}
		String productTitle = first.cell(this.title);
		if (productTitle.isEmpty()) {
			throw new InvalidCatalogRowException(first.number(), lines.column(this.title),
					"is empty on the first row of product '" + key + "'");
		}
		return assemble(lines, key, productTitle, rows);
	}

	private CatalogProduct assemble(Lines lines, String key, String productTitle, List<Line> rows) {
		Line first = rows.get(0);
		List<Set<String>> optionValues = new ArrayList<>();
		for (int i = 0; i < OPTIONS; i++) {
			optionValues.add(new LinkedHashSet<>());
		}
		Map<Integer, String> positioned = new TreeMap<>();
		Set<String> variantImages = new LinkedHashSet<>();
		int variants = 0;
		BigDecimal lowest = null;
		for (Line row : rows) {
			String src = row.cell(this.imageSrc);
			if (!src.isEmpty()) {
				positioned.putIfAbsent(position(row, positioned.size()), src);
			}
			if (!isVariant(row, row == first)) {
				continue;
			}
			BigDecimal price;
			try {
				price = Prices.inCell(lines, row, this.variantPrice, this.decimalComma);
			}
			catch (InvalidCatalogRowException ex) {
				RowProblem problem = ex.problem();
				lines.report(new RowProblem(problem.row(), problem.column(),
						problem.reason() + "; this variant was skipped"));
				continue;
			}
			variants++;
			if (price != null && (lowest == null || price.compareTo(lowest) < 0)) {
				lowest = price;
			}
			for (int i = 0; i < OPTIONS; i++) {
				String value = row.cell(this.optionValue[i]);
				if (!value.isEmpty()) {
					optionValues.get(i).add(value);
				}
			}
			String image = row.cell(this.variantImage);
			if (!image.isEmpty()) {
				variantImages.add(image);
			}
		}
		Set<String> images = new LinkedHashSet<>(positioned.values());
		images.addAll(variantImages);
		return new CatalogProduct(first.number(), key, null, null, productTitle,
				HtmlText.toPlain(first.cell(this.body)), first.cell(this.vendor), first.cell(this.type),
				first.cell(this.category), Lists.split(first.cell(this.tags)), options(first, optionValues),
				Math.max(variants, 1), lowest, List.copyOf(images), null);
	}

	/** A row is a variant when it states one; image-only rows do not. */
	private boolean isVariant(Line row, boolean first) {
		if (first || !row.cell(this.variantSku).isEmpty() || !row.cell(this.variantPrice).isEmpty()) {
			return true;
		}
		for (int i = 0; i < OPTIONS; i++) {
			if (!row.cell(this.optionValue[i]).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private int position(Line row, int seen) {
		try {
			return Integer.parseInt(row.cell(this.imagePosition));
		}
		catch (NumberFormatException ex) {
			return 10_000 + seen;
		}
	}

	/** {@code Color: Red, Blue; Size: S}, without Shopify's "Title: Default Title". */
	private String options(Line first, List<Set<String>> values) {
		List<String> options = new ArrayList<>();
		for (int i = 0; i < OPTIONS; i++) {
			addOption(options, first.cell(this.optionName[i]), values.get(i));
		}
		return String.join("; ", options);
	}

	/**
	 * Adds {@code Name: v1, v2} to a product's options, unless the name or the values are
	 * empty or it is Shopify's placeholder for a product without options ("Title: Default
	 * Title"). Shared by the CSV export and the API snapshot, which describe options
	 * alike.
	 */
	static void addOption(List<String> options, String name, Collection<String> values) {
		boolean placeholder = name.equals("Title") && values.size() == 1 && values.contains("Default Title");
		if (!name.isEmpty() && !values.isEmpty() && !placeholder) {
			options.add(name + ": " + String.join(", ", values));
		}
	}

}
