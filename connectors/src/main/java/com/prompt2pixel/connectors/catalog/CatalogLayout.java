package com.prompt2pixel.connectors.catalog;

/**
 * One family of catalog files (Shopify export, WooCommerce export, generic): how its rows
 * make products.
 */
interface CatalogLayout {

	/** {@code shopify}, {@code woocommerce} or {@code generic}. */
	String name();

	/**
	 * Reads the rows of the next product.
	 * @return the product, or null after the last row
	 * @throws InvalidCatalogRowException when the product cannot be imported (its rows
	 * are consumed); problems with single rows of a good product go to
	 * {@link Lines#report}
	 */
	CatalogProduct next(Lines lines);

	/**
	 * The column a product's photo comes from, or -1: its name goes into photo problems.
	 */
	int imageColumn();

}
