package com.prompt2pixel.models;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeflateTest {

	@Test
	void inflatesBackToTheSameBytes() throws DataFormatException {
		SplittableRandom random = new SplittableRandom(7);
		byte[] noise = new byte[100_003];
		random.nextBytes(noise);
		byte[] flat = new byte[70_000];
		Arrays.fill(flat, (byte) 9);
		// runs of every length around the 3, 8-byte and 258 edges, between literals
		byte[] runs = new byte[60_000];
		int at = 0;
		for (int run = 0; at + run + 4 < runs.length; run = (run + 1) % 300) {
			byte[] pixel = { (byte) random.nextInt(256), (byte) random.nextInt(256), (byte) random.nextInt(256) };
			for (int k = 0; k < run + 3; k++) {
				runs[at++] = pixel[k % 3];
			}
			runs[at++] = (byte) random.nextInt(256);
		}
		// few distinct values, skewed: long codes that the 15-bit limit must shorten
		byte[] skewed = new byte[200_000];
		for (int i = 0; i < skewed.length; i++) {
			skewed[i] = (byte) Integer.numberOfTrailingZeros(random.nextInt() | (1 << 30));
		}
		for (byte[] data : new byte[][] { { 42 }, { 1, 2 }, { 5, 5, 5, 5, 5, 5, 5 }, noise, flat, runs, skewed }) {
			byte[] compressed = Deflate.zlib(data, data.length);

			assertThat(inflate(compressed, data.length)).as("%d bytes", data.length).isEqualTo(data);
		}
	}

	@Test
	void compressesRepeatedPixelsToAlmostNothing() throws DataFormatException {
		byte[] data = new byte[300_000];
		for (int i = 0; i < data.length; i++) {
			data[i] = (byte) (i % 3 * 40);
		}

		byte[] compressed = Deflate.zlib(data, data.length);

		assertThat(compressed.length).isLessThan(data.length / 200);
		assertThat(inflate(compressed, data.length)).isEqualTo(data);
	}

	@Test
	void usesOnlyTheGivenLength() throws DataFormatException {
		byte[] data = { 1, 2, 3, 1, 2, 3, 1, 2, 3, 99, 98 };

		assertThat(inflate(Deflate.zlib(data, 9), 9)).isEqualTo(Arrays.copyOf(data, 9));
	}

	/** java.util.zip's zlib checks the stream's structure and its Adler-32. */
	private static byte[] inflate(byte[] compressed, int length) throws DataFormatException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			byte[] out = new byte[length + 1];
			int n = inflater.inflate(out);
			assertThat(inflater.finished()).as("the stream ends").isTrue();
			assertThat(inflater.getRemaining()).isZero();
			return Arrays.copyOf(out, n);
		}
		finally {
			inflater.end();
		}
	}

}
