package com.prompt2pixel.models;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950) of one DEFLATE block with Huffman codes made for the data,
 * whose only back-references are runs at distance 3: after PNG filtering, a pixel that
 * repeats the one before it. This is the scheme of fast PNG encoders such as fpng: two
 * passes over the data and no search for matches, about twice as fast as zlib's fastest
 * level on a photograph (and three times on noise), for output some 15% larger on a
 * photograph and smaller on flat areas. Generated images are encoded on the machine that
 * runs the model, where that time is taken from every image.
 */
final class Deflate {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int MIN_MATCH = 3;

	private static final int MAX_MATCH = 258;

	/** One RGB pixel back. */
	private static final int DISTANCE = 3;

	private static final int DISTANCE_SYMBOL = 2;

	private static final int END_OF_BLOCK = 256;

	private static final int LITERAL_SYMBOLS = 286;

	/** The length symbol (257-285), extra bits and extra value of each match length. */
	private static final int[] LENGTH_SYMBOL = new int[MAX_MATCH + 1];

	private static final int[] LENGTH_EXTRA_BITS = new int[MAX_MATCH + 1];

	private static final int[] LENGTH_EXTRA = new int[MAX_MATCH + 1];

	/** The order in which a block header gives the code lengths of the code lengths. */
	private static final int[] CODE_LENGTH_ORDER = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

	static {
		int[] base = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
				163, 195, 227, 258 };
		int[] extraBits = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
		for (int i = 0; i < base.length; i++) {
			// 227 + 31 would reach 258, which has a symbol of its own
			int last = (i == base.length - 1) ? MAX_MATCH : Math.min(base[i + 1] - 1, MAX_MATCH - 1);
			for (int length = base[i]; length <= last; length++) {
				LENGTH_SYMBOL[length] = 257 + i;
				LENGTH_EXTRA_BITS[length] = extraBits[i];
				LENGTH_EXTRA[length] = length - base[i];
			}
		}
	}

	private Deflate() {
	}

	/** The first {@code length} bytes of {@code data} as a zlib stream. */
	static byte[] zlib(byte[] data, int length) {
		// pass 1: a literal byte, or 256 + the length of a run, and each symbol's count
		int[] tokens = new int[length + 1];
		int count = 0;
		int[] literalFrequencies = new int[LITERAL_SYMBOLS];
		int matches = 0;
		int i = 0;
		while (i < length) {
			int run = (i >= DISTANCE && data[i] == data[i - DISTANCE]) ? run(data, i, length) : 0;
			if (run >= MIN_MATCH) {
				tokens[count++] = 256 + run;
				literalFrequencies[LENGTH_SYMBOL[run]]++;
				matches++;
				i += run;
			}
			else {
				int literal = data[i] & 0xFF;
				tokens[count++] = literal;
				literalFrequencies[literal]++;
				i++;
			}
		}
		literalFrequencies[END_OF_BLOCK]++;
		int[] literalLengths = Huffman.lengths(literalFrequencies, 15);
		int[] literalCodes = Huffman.codes(literalLengths);
		// a second distance symbol, never used, keeps the distance code complete: the one
		// in use is then one bit
		int[] distanceLengths = Huffman.lengths(new int[] { 0, 1, Math.max(1, matches) }, 15);
		int[] distanceCodes = Huffman.codes(distanceLengths);

		Bits out = new Bits(length / 2 + 1024);
		out.put(0x78, 8); // deflate, 32K window
		out.put(0x01, 8); // fastest, and the header check
		out.put(1, 1); // the final block
		out.put(2, 2); // with Huffman codes of its own
		header(out, literalLengths, distanceLengths);
		// pass 2: each token's bits from tables; a match is its length symbol, extra
		// bits and the distance's one bit, at most 15 + 5 + 1 bits
		int[] literalBits = new int[LITERAL_SYMBOLS];
		for (int symbol = 0; symbol < LITERAL_SYMBOLS; symbol++) {
			literalBits[symbol] = literalCodes[symbol] | (literalLengths[symbol] << 24);
		}
		long[] matchBits = new long[MAX_MATCH + 1];
		int[] matchBitCounts = new int[MAX_MATCH + 1];
		for (int run = MIN_MATCH; run <= MAX_MATCH; run++) {
			int symbol = LENGTH_SYMBOL[run];
			matchBits[run] = literalCodes[symbol] | ((long) LENGTH_EXTRA[run] << literalLengths[symbol])
					| ((long) distanceCodes[DISTANCE_SYMBOL] << (literalLengths[symbol] + LENGTH_EXTRA_BITS[run]));
			matchBitCounts[run] = literalLengths[symbol] + LENGTH_EXTRA_BITS[run] + distanceLengths[DISTANCE_SYMBOL];
		}
		out.tokens(tokens, count, literalBits, matchBits, matchBitCounts);
		out.put(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
		out.align();
		Adler32 adler = new Adler32();
		adler.update(data, 0, length);
		int checksum = (int) adler.getValue();
		for (int shift = 24; shift >= 0; shift -= 8) {
			out.put((checksum >>> shift) & 0xFF, 8);
		}
		return out.bytes();
	}

	/** How many bytes from {@code at} repeat those three before, up to a match's most. */
	private static int run(byte[] data, int at, int length) {
		int limit = Math.min(MAX_MATCH, length - at);
		int run = 0;
		// eight bytes at a time: the first that differs ends the run
		while (run + 8 <= limit) {
			long difference = (long) LONGS.get(data, at + run) ^ (long) LONGS.get(data, at + run - DISTANCE);
			if (difference != 0) {
				return run + (Long.numberOfTrailingZeros(difference) >>> 3);
			}
			run += 8;
		}
		while (run < limit && data[at + run] == data[at + run - DISTANCE]) {
			run++;
		}
		return run;
	}

	/**
	 * The block's code lengths, run-length coded with symbols 16 (repeat the last length
	 * 3-6 times), 17 (3-10 zeros) and 18 (11-138 zeros), themselves Huffman coded.
	 */
	private static void header(Bits out, int[] literalLengths, int[] distanceLengths) {
		int literals = LITERAL_SYMBOLS;
		while (literals > 257 && literalLengths[literals - 1] == 0) {
			literals--;
		}
		int distances = distanceLengths.length;
		int[] lengths = new int[literals + distances];
		System.arraycopy(literalLengths, 0, lengths, 0, literals);
		System.arraycopy(distanceLengths, 0, lengths, literals, distances);
		int[] symbols = new int[lengths.length];
		int[] extras = new int[lengths.length];
		int count = 0;
		int[] frequencies = new int[19];
		for (int at = 0; at < lengths.length;) {
			int value = lengths[at];
			int repeat = 1;
			while (at + repeat < lengths.length && lengths[at + repeat] == value) {
				repeat++;
			}
			if (value == 0 && repeat >= 3) {
				int take = Math.min(repeat, 138);
				symbols[count] = (take >= 11) ? 18 : 17;
				extras[count] = (take >= 11) ? take - 11 : take - 3;
				frequencies[symbols[count++]]++;
				at += take;
			}
			else if (value != 0 && repeat >= 4) {
				int take = Math.min(repeat - 1, 6);
				symbols[count++] = value;
				symbols[count] = 16;
				extras[count++] = take - 3;
				frequencies[value]++;
				frequencies[16]++;
				at += 1 + take;
			}
			else {
				symbols[count++] = value;
				frequencies[value]++;
				at++;
			}
		}
		int[] codeLengths = Huffman.lengths(frequencies, 7);
		int[] codes = Huffman.codes(codeLengths);
		int ordered = CODE_LENGTH_ORDER.length;
		while (ordered > 4 && codeLengths[CODE_LENGTH_ORDER[ordered - 1]] == 0) {
			ordered--;
		}
		out.put(literals - 257, 5);
		out.put(distances - 1, 5);
		out.put(ordered - 4, 4);
		for (int k = 0; k < ordered; k++) {
			out.put(codeLengths[CODE_LENGTH_ORDER[k]], 3);
		}
		for (int k = 0; k < count; k++) {
			int symbol = symbols[k];
			out.put(codes[symbol], codeLengths[symbol]);
			if (symbol >= 16) {
				out.put(extras[k], (symbol == 16) ? 2 : (symbol == 17) ? 3 : 7);
			}
		}
	}

	/** Bits gathered from the least significant end, written out 32 at a time. */
	private static final class Bits {

		private byte[] buffer;

		private int size;

		private long pending;

		private int pendingBits;

		Bits(int capacity) {
			this.buffer = new byte[capacity];
		}

		/** Up to 32 bits; fewer than 32 are ever pending, so 64 hold both. */
		void put(int value, int bits) {
			this.pending |= (value & 0xFFFFFFFFL) << this.pendingBits;
			this.pendingBits += bits;
			if (this.pendingBits >= 32) {
				flush32();
			}
		}

		/**
		 * The tokens of pass 1, the loop kept in locals: this is where most of the time
		 * goes.
		 */
		void tokens(int[] tokens, int count, int[] literalBits, long[] matchBits, int[] matchBitCounts) {
			byte[] buffer = this.buffer;
			int size = this.size;
			long pending = this.pending;
			int pendingBits = this.pendingBits;
			for (int k = 0; k < count; k++) {
				int token = tokens[k];
				if (token < 256) {
					int entry = literalBits[token];
					pending |= ((long) (entry & 0xFFFFFF)) << pendingBits;
					pendingBits += entry >>> 24;
				}
				else {
					int run = token - 256;
					pending |= matchBits[run] << pendingBits;
					pendingBits += matchBitCounts[run];
				}
				if (pendingBits >= 32) {
					if (size + 4 > buffer.length) {
						buffer = Arrays.copyOf(buffer, buffer.length * 2);
					}
					buffer[size] = (byte) pending;
					buffer[size + 1] = (byte) (pending >>> 8);
					buffer[size + 2] = (byte) (pending >>> 16);
					buffer[size + 3] = (byte) (pending >>> 24);
					size += 4;
					pending >>>= 32;
					pendingBits -= 32;
				}
			}
			this.buffer = buffer;
			this.size = size;
			this.pending = pending;
			this.pendingBits = pendingBits;
		}

		private void flush32() {
			if (this.size + 4 > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
			}
			for (int k = 0; k < 4; k++) {
				this.buffer[this.size++] = (byte) (this.pending >>> (8 * k));
			}
			this.pending >>>= 32;
			this.pendingBits -= 32;
		}

		/** Pads to a whole byte with zero bits and writes what is pending. */
		void align() {
			while (this.pendingBits > 0) {
				if (this.size == this.buffer.length) {
					this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
				}
				this.buffer[this.size++] = (byte) this.pending;
				this.pending >>>= 8;
				this.pendingBits = Math.max(0, this.pendingBits - 8);
			}
			this.pending = 0;
		}

		byte[] bytes() {
			align();
			return Arrays.copyOf(this.buffer, this.size);
		}

	}

}
