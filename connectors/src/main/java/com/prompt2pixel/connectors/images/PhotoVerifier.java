package com.prompt2pixel.connectors.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether a product photo's bytes are an image a run can use: a format the JDK decodes
 * (PNG, JPEG, GIF, BMP), at most {@link #MAX_PIXELS}, decoding to its end (a truncated
 * PNG fails here, at import, instead of failing every run that renders it). The size is
 * read from the header before anything is decoded, so a small file claiming a huge image
 * is refused without the memory it would take.
 */
public final class PhotoVerifier {

	/** 25 megapixels: Shopify's own limit is 20, a decoded image of 25 MP is 100 MB. */
	public static final long MAX_PIXELS = 25_000_000L;

	static {
		// from memory, without ImageIO's temporary cache files (a JVM shutdown hook of
		// ImageIO closes those under a draining node)
		ImageIO.setUseCache(false);
	}

	private PhotoVerifier() {
	}

	/**
	 * @throws ProductImageException naming the problem
	 */
	public static void verify(byte[] bytes) {
		decode(bytes);
	}

	/**
	 * The image, checked as {@link #verify} checks it, for a caller that needs its
	 * pixels: decoded once.
	 * @throws ProductImageException naming the problem
	 */
	public static BufferedImage decode(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				throw new ProductImageException(
						"not an image in a format we read (PNG, JPEG, GIF or BMP); " + bytes.length + " bytes");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new ProductImageException("image of " + reader.getWidth(0) + " x " + reader.getHeight(0)
							+ " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are read");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProductImageException problem) {
				throw problem;
			}
			throw new ProductImageException("not a readable image: " + message(ex), ex);
		}
	}

	private static String message(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
