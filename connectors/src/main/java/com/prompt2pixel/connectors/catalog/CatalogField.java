package com.prompt2pixel.connectors.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The fields an import understands, each with the header names merchants use for it.
 * Headers match case-insensitively and ignoring spaces, dashes and underscores ("Image
 * URL" = "image_url").
 */
enum CatalogField {

	KEY(true, "sku", "handle", "id", "productid", "variantsku", "itemnumber", "artikelnummer"),

	TITLE(true, "title", "name", "productname", "producttitle", "bezeichnung"),

	DESCRIPTION(true, "description", "bodyhtml", "body", "productdescription", "longdescription", "beschreibung"),

	IMAGE(true, "image", "imageurl", "imagesrc", "imagepath", "photo", "picture", "mainimage", "bild"),

	CATEGORY(false, "category", "categories", "productcategory", "kategorie"),

	PRODUCT_TYPE(false, "type", "producttype", "produkttyp"),

	TAGS(false, "tags", "keywords", "schlagworte"),

	VENDOR(false, "vendor", "brand", "manufacturer", "marke");

	private final boolean required;

	private final List<String> synonyms;

	CatalogField(boolean required, String... synonyms) {
		this.required = required;
		this.synonyms = List.of(synonyms);
	}

	boolean required() {
		return this.required;
	}

	boolean matches(String header) {
		return this.synonyms.contains(normalise(header));
	}

	String describe() {
		return name().toLowerCase(Locale.ROOT) + " (one of: " + String.join(", ", this.synonyms) + ")";
	}

	static String normalise(String header) {
		return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.()]+", "");
	}

}
