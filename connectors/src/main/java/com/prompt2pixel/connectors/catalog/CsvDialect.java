package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file is written, detected from its first 64 KiB: the encoding (a byte-order
 * mark for UTF-8 and UTF-16; otherwise UTF-8 when the bytes decode as UTF-8, else
 * Windows-1252, what Excel writes on Western-European Windows) and the delimiter (the one
 * of {@code , ; tab} that occurs most, outside quotes, in the first lines).
 *
 * @param charset the text encoding
 * @param bomLength bytes of byte-order mark to skip
 * @param delimiter the field delimiter
 */
record CsvDialect(Charset charset, int bomLength, char delimiter) {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final int SAMPLE_BYTES = 64 * 1024;

	private static final int SAMPLE_LINES = 5;

	private static final char[] DELIMITERS = { ',', ';', '\t' };

	static CsvDialect detect(Path file) {
		byte[] sample = sample(file);
		int bom = 0;
		Charset charset;
		if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
			charset = StandardCharsets.UTF_8;
			bom = 3;
		}
		else if (startsWith(sample, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			bom = 2;
		}
		else if (startsWith(sample, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			bom = 2;
		}
		else {
			requireText(file, sample);
			charset = isUtf8(file, sample) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		}
		String text = new String(sample, bom, sample.length - bom, charset);
		return new CsvDialect(charset, bom, delimiter(text));
	}

	String describe() {
		String name = (this.bomLength > 0) ? this.charset.name() + " with BOM" : this.charset.name();
		return name + ", '" + ((this.delimiter == '\t') ? "tab" : String.valueOf(this.delimiter)) + "'";
	}

	private static byte[] sample(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(SAMPLE_BYTES);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** NUL bytes and other control characters do not occur in text files. */
	private static void requireText(Path file, byte[] sample) {
		int control = 0;
		for (byte b : sample) {
			if (b == 0) {
				throw binary(file);
			}
			if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				control++;
			}
		}
		if (control > sample.length / 100 + 1) {
			throw binary(file);
		}
	}

	private static CatalogFormatException binary(Path file) {
		return new CatalogFormatException("catalog " + file
				+ " is not a text file (it contains binary data); a catalog must be CSV text or an .xlsx workbook");
	}

	/**
	 * UTF-8 when the sample decodes as UTF-8 and holds a non-ASCII character. A sample of
	 * plain ASCII proves nothing (a Windows-1252 file may have its first accent a
	 * megabyte in), so then the whole file is checked: about a fifth of a second per 100
	 * MB.
	 */
	private static boolean isUtf8(Path file, byte[] sample) {
		boolean truncated = sample.length == SAMPLE_BYTES;
		if (!decodes(sample, truncated, StandardCharsets.UTF_8)) {
			return false;
		}
		boolean ascii = true;
		for (byte b : sample) {
			ascii &= b >= 0;
		}
		return !ascii || !truncated || wholeFileDecodes(file);
	}

	private static boolean wholeFileDecodes(Path file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(1 << 16);
		CharBuffer out = CharBuffer.allocate(1 << 16);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] chunk = new byte[1 << 15];
			for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
				in.put(chunk, 0, read).flip();
				while (true) {
					out.clear();
					var result = decoder.decode(in, out, false);
					if (result.isError()) {
						return false;
					}
					if (result.isUnderflow()) {
						break;
					}
				}
				in.compact();
			}
			in.flip();
			out.clear();
			return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError();
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read catalog " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The sample may end inside a multi-byte character when it is cut short. */
	private static boolean decodes(byte[] sample, boolean truncated, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(sample);
		CharBuffer out = CharBuffer.allocate(sample.length);
		try {
			if (decoder.decode(in, out, !truncated).isError()) {
				return false;
			}
			return truncated || !decoder.flush(out).isError();
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static char delimiter(String text) {
		int[] counts = new int[DELIMITERS.length];
		boolean quoted = false;
		int lines = 0;
		for (int i = 0; i < text.length() && lines < SAMPLE_LINES; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '\n') {
				lines++;
			}
			else if (!quoted) {
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						counts[d]++;
					}
				}
			}
		}
		int best = 0;
		for (int d = 1; d < DELIMITERS.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return DELIMITERS[best];
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
