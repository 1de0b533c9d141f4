package com.prompt2pixel.connectors.catalog;

/**
 * What the reader found next: a product, or a row it could not import.
 *
 * @param product the product, or null
 * @param problem the problem, or null
 */
public record CatalogEntry(CatalogProduct product, RowProblem problem) {

	static CatalogEntry of(CatalogProduct product) {
		return new CatalogEntry(product, null);
	}

	static CatalogEntry of(RowProblem problem) {
		return new CatalogEntry(null, problem);
	}

}
