package com.prompt2pixel.connectors.store;

/**
 * Keeps generated images by key. Writes are atomic and idempotent: a key written twice
 * with the same bytes holds those bytes once, and a reader never sees half an image.
 */
public interface ImageStore {

	void put(String key, byte[] bytes);

	/**
	 * @throws ImageNotFoundException when nothing is stored under the key
	 */
	byte[] get(String key);

}
