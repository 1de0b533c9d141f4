package com.prompt2pixel.connectors.shopify;

/**
 * A mutation that Shopify may or may not have carried out: the connection broke, or the
 * answer was a server error, after the request was sent. Trying it again blindly could do
 * it twice (a second bulk operation, a second image on a product); the caller looks first
 * for what the first attempt may have done.
 */
public class ShopifyOutcomeUnknownException extends ShopifyException {

	public ShopifyOutcomeUnknownException(String message) {
		super(message);
	}

}
