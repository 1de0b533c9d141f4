package com.prompt2pixel.connectors.shopify;

/**
 * Shopify could not give what was asked: the shop refused the token, the query was
 * rejected, a bulk operation failed, or the API stayed throttled or unreachable after the
 * retries. The message names the shop and the reason.
 */
public class ShopifyException extends RuntimeException {

	public ShopifyException(String message) {
		super(message);
	}

	public ShopifyException(String message, Throwable cause) {
		super(message, cause);
	}

}
