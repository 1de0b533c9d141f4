package com.prompt2pixel.connectors.images;

/**
 * A product photo that cannot be found or fetched; the message names it and the reason.
 */
public class ProductImageException extends RuntimeException {

	public ProductImageException(String message) {
		super(message);
	}

	public ProductImageException(String message, Throwable cause) {
		super(message, cause);
	}

}
