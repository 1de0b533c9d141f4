package com.prompt2pixel.connectors.publish;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes a generated image for publishing: in sRGB, no larger than the target's longest
 * edge and never above {@link #MAX_PIXELS} (Shopify's limit for product media), as PNG,
 * JPEG or WebP. Through ImageIO: the JDK's PNG and JPEG writers and libwebp's
 * (webp-imageio) for WebP, so no codec is hand-written.
 */
public final class ImageEncoder {

	/** 20 megapixels: Shopify refuses larger product images. */
	public static final long MAX_PIXELS = 20_000_000L;

	private ImageEncoder() {
	}

	/**
	 * How to encode.
	 *
	 * @param format the format
	 * @param quality for JPEG and WebP, 0.0 to 1.0
	 * @param maxEdge the longest edge in pixels, or 0 for the image's own
	 */
	public record Settings(ImageFormat format, float quality, int maxEdge) {

		public Settings {
			if (format == null) {
				throw new IllegalArgumentException("no image format given");
			}
			if (quality <= 0 || quality > 1) {
				throw new IllegalArgumentException("image quality must be above 0 and at most 1, was " + quality);
			}
			if (maxEdge < 0) {
				throw new IllegalArgumentException(
						"the longest edge must be 0 (the image's own) or more, was " + maxEdge);
			}
		}

		/** PNG at the image's size. */
		public static Settings png() {
			return new Settings(ImageFormat.PNG, 1f, 0);
		}

	}

	/**
	 * @param image the image as the generator stored it (PNG)
	 * @return the encoded bytes
	 */
	public static byte[] encode(byte[] image, Settings settings) {
		if (settings.format() == ImageFormat.PNG && isPngWithin(image, settings.maxEdge())) {
			// what the generator stored is the published PNG already: decoding and
			// encoding it again took 86% of a PNG publish (PublishBenchmark)
			return image;
		}
		BufferedImage decoded;
		try {
			decoded = ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the image cannot be read: " + ex.getMessage(), ex);
		}
		if (decoded == null) {
			throw new IllegalArgumentException("the image is in no format ImageIO reads");
		}
		return encode(decoded, settings);
	}

	/**
	 * Whether the bytes are a PNG that needs no scaling, read from its header alone. A
	 * PNG is sRGB unless it says otherwise, and the generators write none that does.
	 */
	private static boolean isPngWithin(byte[] image, int maxEdge) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			try {
				if (!"png".equalsIgnoreCase(reader.getFormatName())) {
					return false;
				}
				reader.setInput(in, true, true);
				return scale(reader.getWidth(0), reader.getHeight(0), maxEdge) >= 1.0;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static byte[] encode(BufferedImage image, Settings settings) {
		boolean alpha = settings.format() != ImageFormat.JPEG && image.getColorModel().hasAlpha();
		BufferedImage prepared = toSrgb(resized(image, settings.maxEdge()), alpha);
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
		try {
			if (settings.format() == ImageFormat.PNG) {
				ImageIO.write(prepared, "png", out);
			}
			else {
				writeLossy(prepared, settings, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot encode the image as " + settings.format(), ex);
		}
		return out.toByteArray();
	}

	private static void writeLossy(BufferedImage image, Settings settings, ByteArrayOutputStream out)
			throws IOException {
		String name = (settings.format() == ImageFormat.JPEG) ? "jpeg" : "webp";
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(name);
		if (!writers.hasNext()) {
			throw new IllegalStateException("no ImageIO writer for " + name + " is installed");
		}
		ImageWriter writer = writers.next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			if (settings.format() == ImageFormat.WEBP) {
				param.setCompressionType(param.getCompressionTypes()[0]);
			}
			param.setCompressionQuality(settings.quality());
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	/**
	 * Scaled down (never up) to the longest edge and to {@link #MAX_PIXELS}, keeping the
	 * aspect ratio.
	 */
	static BufferedImage resized(BufferedImage image, int maxEdge) {
		int width = image.getWidth();
		int height = image.getHeight();
		double scale = scale(width, height, maxEdge);
		if (scale >= 1.0) {
			return image;
		}
		int newWidth = Math.max(1, (int) Math.floor(width * scale));
		int newHeight = Math.max(1, (int) Math.floor(height * scale));
		BufferedImage scaled = new BufferedImage(newWidth, newHeight,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, newWidth, newHeight, null);
		}
		finally {
			graphics.dispose();
		}
		return scaled;
	}

	/** The factor that brings an image within the longest edge and the pixel limit. */
	static double scale(int width, int height, int maxEdge) {
		double scale = 1.0;
		if (maxEdge > 0 && Math.max(width, height) > maxEdge) {
			scale = (double) maxEdge / Math.max(width, height);
		}
		double pixels = (double) width * height * scale * scale;
		if (pixels > MAX_PIXELS) {
			scale *= Math.sqrt(MAX_PIXELS / pixels);
		}
		return Math.min(scale, 1.0);
	}

	/**
	 * Drawn into an sRGB image (Java2D converts from the source's colour space); without
	 * alpha, transparent parts become white, as on a product page.
	 */
	static BufferedImage toSrgb(BufferedImage image, boolean alpha) {
		boolean srgb = image.getColorModel().getColorSpace().isCS_sRGB();
		int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		if (srgb && image.getType() == type) {
			return image;
		}
		BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
		Graphics2D graphics = converted.createGraphics();
		try {
			if (!alpha) {
				graphics.setColor(Color.WHITE);
				graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
			}
			graphics.setComposite(AlphaComposite.SrcOver);
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return converted;
	}

}
