package com.prompt2pixel.connectors.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The fields of a generic catalog, each with the header names merchants use for it (in
 * the normalised form {@link Header#normalise} gives). A mapping file names them by
 * {@link #key()}.
 */
enum CatalogField {

	KEY(true, "sku", "handle", "id", "productid", "variantsku", "itemnumber", "artikelnummer", "artnr", "reference"),

	TITLE(true, "title", "name", "productname", "producttitle", "bezeichnung", "artikelname", "nom"),

	DESCRIPTION(false, "description", "bodyhtml", "body", "productdescription", "longdescription", "beschreibung",
			"shortdescription"),

	IMAGE(true, "image", "imageurl", "imagesrc", "imagepath", "photo", "picture", "mainimage", "bild", "bildurl",
			"images"),

	CATEGORY(false, "category", "categories", "productcategory", "kategorie"),

	PRODUCT_TYPE(false, "type", "producttype", "produkttyp"),

	TAGS(false, "tags", "keywords", "schlagworte"),

	VENDOR(false, "vendor", "brand", "manufacturer", "marke", "hersteller"),

	PRICE(false, "price", "variantprice", "regularprice", "preis", "prix"),

	/**
	 * The product's size with its unit, as {@code 30 x 20 x 12 cm} or {@code H 25 cm}
	 * ({@link Sizes}). Not a bare {@code size} column: apparel catalogs write S, M and L
	 * there.
	 */
	DIMENSIONS(false, "dimensions", "productdimensions", "productsize", "measurements", "abmessungen", "masse", "maße");

	private final boolean required;

	private final List<String> synonyms;

	CatalogField(boolean required, String... synonyms) {
		this.required = required;
		this.synonyms = List.of(synonyms);
	}

	boolean required() {
		return this.required;
	}

	List<String> synonyms() {
		return this.synonyms;
	}

	/**
	 * The name a mapping file uses: {@code key}, {@code title}, {@code product_type}...
	 */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	String describe() {
		return key() + " (one of: " + String.join(", ", this.synonyms) + ")";
	}

}
