package com.prompt2pixel.connectors.publish;

/**
 * One published image as listed in {@code manifest.csv}.
 *
 * @param productKey the merchant's product key
 * @param template scene template id
 * @param variant variant number
 * @param seed generation seed
 * @param backend the backend that made the image
 * @param prompt the prompt it was made from
 * @param file path relative to the output folder
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record ManifestRow(String productKey, String template, int variant, long seed, String backend, String prompt,
		String file, String sha256) {

}
