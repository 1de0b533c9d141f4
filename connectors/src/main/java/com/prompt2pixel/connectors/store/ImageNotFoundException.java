package com.prompt2pixel.connectors.store;

/**
 * Nothing is stored under the key asked for.
 */
public class ImageNotFoundException extends RuntimeException {

	public ImageNotFoundException(String key) {
		super("no image stored under key '" + key + "'");
	}

}
