package com.prompt2pixel.connectors.shopify;

/**
 * Shopify could not give what was asked: the shop refused the token, the query was
 * rejected, a bulk operation failed, or the API stayed throttled or unreachable after the
 * retries. The message names the shop and the reason.
 */
public class ShopifyException extends RuntimeException {

	private final String code;

	public ShopifyException(String message) {
		this(message, (String) null);
	}

	/**
	 * @param code Shopify's {@code errors[].extensions.code} ({@code ACCESS_DENIED}, …),
	 * or null when the answer had none
	 */
	public ShopifyException(String message, String code) {
		super(message);
		this.code = code;
	}

	public ShopifyException(String message, Throwable cause) {
		super(message, cause);
		this.code = null;
	}

	/** Shopify's error code for the refusal, or null. */
	public String code() {
		return this.code;
	}

}
