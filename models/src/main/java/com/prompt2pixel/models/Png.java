package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Image encoding and decoding with errors that say what was wrong. Encoding is our own:
 * 8-bit RGB, every row with the "Up" filter, then {@link Deflate}'s run-length and
 * Huffman coding. On a 512x512 image that is a few milliseconds where ImageIO's writer
 * (which tries every filter on every row, pixel by pixel) takes tens.
 */
public final class Png {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * PNG's "Up" filter: each byte minus the one above it; smooth images compress well.
	 */
	private static final int FILTER_UP = 2;

	static {
		// decode from memory, without ImageIO's temporary cache files: a JVM shutdown
		// hook
		// of ImageIO closes those, which broke images being read while a node drained on
		// SIGTERM ("Error reading PNG image data: closed")
		ImageIO.setUseCache(false);
	}

	private Png() {
	}

	public static byte[] encode(BufferedImage image) {
		return encode(RgbImage.of(image));
	}

	public static byte[] encode(RgbImage image) {
		return encodeRgb(image.rgb(), image.width(), image.height());
	}

	/**
	 * Encodes interleaved 8-bit RGB pixels, row by row from the top.
	 */
	public static byte[] encodeRgb(byte[] rgb, int width, int height) {
		if (rgb.length != width * height * 3) {
			throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes of RGB for " + width + "x"
					+ height + ", got " + rgb.length);
		}
		int stride = width * 3;
		byte[] filtered = new byte[height * (stride + 1)];
		filterUp(rgb, stride, height, filtered);
		byte[] compressed = Deflate.zlib(filtered, filtered.length);
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
		header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		ByteBuffer file = ByteBuffer.allocate(SIGNATURE.length + 25 + 12 + compressed.length + 12);
		file.put(SIGNATURE);
		chunk(file, "IHDR", header.array());
		chunk(file, "IDAT", compressed);
		chunk(file, "IEND", new byte[0]);
		return file.array();
	}

	/**
	 * PNG's "Up" filter: each byte minus the one above it (nothing above the first row),
	 * each row led by its filter type.
	 */
	private static void filterUp(byte[] rgb, int stride, int height, byte[] filtered) {
		for (int y = 0; y < height; y++) {
			int row = y * (stride + 1);
			filtered[row] = FILTER_UP;
			int from = y * stride;
			if (y == 0) {
				System.arraycopy(rgb, 0, filtered, row + 1, stride);
			}
			else {
				for (int x = 0; x < stride; x++) {
					filtered[row + 1 + x] = (byte) (rgb[from + x] - rgb[from - stride + x]);
				}
			}
		}
	}

	/** Writes a chunk: length, name, data and the CRC of name and data. */
	private static void chunk(ByteBuffer file, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		file.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
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
