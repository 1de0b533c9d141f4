package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Image encoding and decoding with errors that say what was wrong.
 */
public final class Png {

	private Png() {
	}

	public static byte[] encode(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			if (!ImageIO.write(image, "png", out)) {
				throw new IllegalStateException("no PNG writer is available in this Java runtime");
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot encode PNG", ex);
		}
	}

	/**
	 * Decodes any format ImageIO reads (PNG, JPEG, GIF, BMP).
	 * @throws IllegalArgumentException when the bytes are not a readable image
	 */
	public static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null) {
				throw new IllegalArgumentException("not a readable image (" + bytes.length + " bytes)");
			}
			return image;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("not a readable image: " + ex.getMessage(), ex);
		}
	}

}
