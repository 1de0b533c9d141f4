package com.prompt2pixel.connectors.publish;

import java.util.Locale;

/** The formats images are published in, with what a store and a browser need to know. */
public enum ImageFormat {

	PNG("png", "image/png"),

	JPEG("jpg", "image/jpeg"),

	/**
	 * Lossy WebP through libwebp (bundled for Linux, macOS and Windows by webp-imageio).
	 */
	WEBP("webp", "image/webp");

	private final String extension;

	private final String contentType;

	ImageFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

	/**
	 * The format a merchant or an operator names ({@code png}, {@code jpeg}, {@code jpg},
	 * {@code webp}).
	 * @throws IllegalArgumentException naming the formats there are
	 */
	public static ImageFormat of(String name) {
		String lower = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
		return switch (lower) {
			case "png" -> PNG;
			case "jpeg", "jpg" -> JPEG;
			case "webp" -> WEBP;
			default -> throw new IllegalArgumentException("image format '" + name + "' is not one of png, jpeg, webp");
		};
	}

}
