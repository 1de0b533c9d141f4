package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Image encoding and decoding with errors that say what was wrong. Encoding is our own:
 * 8-bit RGB, every row with the "Up" filter, then zlib at its fastest level, compressed
 * straight into the file's bytes. On a 512x512 image that is a few milliseconds where
 * ImageIO's writer (which tries every filter on every row, pixel by pixel) takes tens.
 */
public final class Png {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * PNG's "Up" filter: each byte minus the one above it; smooth images compress well.
	 */
	private static final int FILTER_UP = 2;

	private static final int BAND_ROWS = 16;

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
		// signature, IHDR, then IDAT's length and name: the compressed data goes right
		// after
		int idat = SIGNATURE.length + 25 + 8;
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			// filtered and compressed a band of rows at a time, which stays in the cache
			byte[] band = new byte[BAND_ROWS * (stride + 1)];
			byte[] png = new byte[idat + rgb.length / 8 + 1024];
			int end = idat;
			for (int top = 0; top < height; top += BAND_ROWS) {
				int rows = Math.min(BAND_ROWS, height - top);
				filterUp(rgb, stride, top, rows, band);
				deflater.setInput(band, 0, rows * (stride + 1));
				boolean last = top + rows == height;
				if (last) {
					deflater.finish();
				}
				while (last ? !deflater.finished() : !deflater.needsInput()) {
					if (end == png.length) {
						png = Arrays.copyOf(png, png.length * 2);
					}
					end += deflater.deflate(png, end, png.length - end);
				}
			}
			int length = end - idat;
			png = Arrays.copyOf(png, end + 4 + 12);
			System.arraycopy(SIGNATURE, 0, png, 0, SIGNATURE.length);
			ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
			header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
			ByteBuffer file = ByteBuffer.wrap(png);
			file.position(SIGNATURE.length);
			chunk(file, "IHDR", header.array(), 0, 13);
			chunk(file, "IDAT", png, idat, length);
			chunk(file, "IEND", png, 0, 0);
			return png;
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * PNG's "Up" filter over {@code rows} rows from {@code top}: each byte minus the one
	 * above it (nothing above the first row), each row led by its filter type.
	 */
	private static void filterUp(byte[] rgb, int stride, int top, int rows, byte[] band) {
		for (int i = 0; i < rows; i++) {
			int row = i * (stride + 1);
			band[row] = FILTER_UP;
			int from = (top + i) * stride;
			if (top + i == 0) {
				System.arraycopy(rgb, 0, band, row + 1, stride);
			}
			else {
				for (int x = 0; x < stride; x++) {
					band[row + 1 + x] = (byte) (rgb[from + x] - rgb[from - stride + x]);
				}
			}
		}
	}

	/**
	 * Writes a chunk at the buffer's position: length, name, data (copied unless it is
	 * already in place) and the CRC of name and data.
	 */
	private static void chunk(ByteBuffer file, String type, byte[] data, int offset, int length) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data, offset, length);
		file.putInt(length).put(name);
		if (data == file.array() && offset == file.position()) {
			file.position(offset + length);
		}
		else {
			file.put(data, offset, length);
		}
		file.putInt((int) crc.getValue());
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
