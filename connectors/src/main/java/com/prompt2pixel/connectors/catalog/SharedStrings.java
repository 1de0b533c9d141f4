package com.prompt2pixel.connectors.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * A workbook's shared strings, held compactly: all their characters in one array and an
 * offset per string, not a {@code String} object each (which costs some 40 bytes beyond
 * its characters: 27 million short strings took over a gigabyte). Bounded by
 * {@link #MAX_STRINGS} and {@link #MAX_CHARS}; a workbook beyond them is refused before
 * it can exhaust the heap.
 */
final class SharedStrings {

	/**
	 * Far beyond a real catalog's distinct texts: 1,000,000 rows of 20 distinct cells.
	 */
	static final int MAX_STRINGS = 20_000_000;

	/**
	 * 128 million characters: 256 MB held, the most the import lets one workbook take.
	 */
	static final int MAX_CHARS = 128 * 1024 * 1024;

	static final SharedStrings NONE = new SharedStrings();

	private final int maxStrings;

	private final int maxChars;

	private char[] chars = new char[1024];

	/** Where string i starts; {@code offsets[size]} is where the next would. */
	private int[] offsets = new int[257];

	private int size;

	SharedStrings() {
		this(MAX_STRINGS, MAX_CHARS);
	}

	SharedStrings(int maxStrings, int maxChars) {
		this.maxStrings = maxStrings;
		this.maxChars = maxChars;
	}

	void add(String text) {
		if (this.size == this.maxStrings) {
			throw new TooLarge(String.format(Locale.ROOT, "more than %,d shared strings", this.maxStrings));
		}
		int start = this.offsets[this.size];
		if ((long) start + text.length() > this.maxChars) {
			throw new TooLarge(String.format(Locale.ROOT, "more than %,d characters of shared strings", this.maxChars));
		}
		if (start + text.length() > this.chars.length) {
			this.chars = Arrays.copyOf(this.chars,
					(int) Math.min(this.maxChars, Math.max(2L * this.chars.length, start + text.length())));
		}
		text.getChars(0, text.length(), this.chars, start);
		if (this.size + 1 == this.offsets.length) {
			this.offsets = Arrays.copyOf(this.offsets, (int) Math.min(this.maxStrings + 1L, 2L * this.offsets.length));
		}
		this.size++;
		this.offsets[this.size] = start + text.length();
	}

	String get(int index) {
		return new String(this.chars, this.offsets[index], this.offsets[index + 1] - this.offsets[index]);
	}

	int size() {
		return this.size;
	}

	/** A workbook whose shared strings are over the bounds. */
	static final class TooLarge extends RuntimeException {

		TooLarge(String message) {
			super(message);
		}

	}

}
