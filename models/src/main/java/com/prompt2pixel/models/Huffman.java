package com.prompt2pixel.models;

import java.util.Arrays;

/**
 * Length-limited canonical Huffman codes as DEFLATE (RFC 1951) wants them: lengths from
 * symbol frequencies, then codes from lengths, bit-reversed because DEFLATE writes bits
 * from the least significant end.
 */
final class Huffman {

	private Huffman() {
	}

	/**
	 * Code lengths for these frequencies, none longer than {@code maxLength}: 0 for
	 * unused symbols, 1 for a lone used symbol. The code is complete when two or more
	 * symbols are used.
	 */
	static int[] lengths(int[] frequencies, int maxLength) {
		int symbols = frequencies.length;
		// frequency and symbol in one long, so that one sort orders both
		long[] sorted = new long[symbols];
		int used = 0;
		for (int symbol = 0; symbol < symbols; symbol++) {
			if (frequencies[symbol] > 0) {
				sorted[used++] = ((long) frequencies[symbol] << 16) | symbol;
			}
		}
		int[] lengths = new int[symbols];
		if (used == 1) {
			lengths[(int) (sorted[0] & 0xFFFF)] = 1;
		}
		if (used <= 1) {
			return lengths;
		}
		Arrays.sort(sorted, 0, used);
		int[] depths = new int[used];
		for (int i = 0; i < used; i++) {
			depths[i] = (int) Math.min(Integer.MAX_VALUE, sorted[i] >>> 16);
		}
		minimumRedundancy(depths);
		int[] perLength = new int[33];
		for (int depth : depths) {
			perLength[Math.min(depth, 32)]++;
		}
		limit(perLength, maxLength);
		// the most frequent symbols, at the end of the sorted list, take the shortest
		// codes
		int next = used;
		for (int length = 1; length <= maxLength; length++) {
			for (int n = perLength[length]; n > 0; n--) {
				lengths[(int) (sorted[--next] & 0xFFFF)] = length;
			}
		}
		return lengths;
	}

	/**
	 * Moffat and Katajainen's in-place computation of optimal code lengths: on entry the
	 * frequencies in ascending order (at least two), on return each one's code length.
	 */
	private static void minimumRedundancy(int[] a) {
		int n = a.length;
		a[0] += a[1];
		int root = 0;
		int leaf = 2;
		for (int next = 1; next < n - 1; next++) {
			if (leaf >= n || a[root] < a[leaf]) {
				a[next] = a[root];
				a[root++] = next;
			}
			else {
				a[next] = a[leaf++];
			}
			if (leaf >= n || (root < next && a[root] < a[leaf])) {
				a[next] += a[root];
				a[root++] = next;
			}
			else {
				a[next] += a[leaf++];
			}
		}
		a[n - 2] = 0;
		for (int next = n - 3; next >= 0; next--) {
			a[next] = a[a[next]] + 1;
		}
		int available = 1;
		int usedAtDepth = 0;
		int depth = 0;
		root = n - 2;
		int next = n - 1;
		while (available > 0) {
			while (root >= 0 && a[root] == depth) {
				usedAtDepth++;
				root--;
			}
			while (available > usedAtDepth) {
				a[next--] = depth;
				available--;
			}
			available = 2 * usedAtDepth;
			depth++;
			usedAtDepth = 0;
		}
	}

	/**
	 * Folds codes longer than {@code maxLength} into it, then lengthens shorter codes
	 * until the code is complete again (Kraft's sum exactly one), as miniz does.
	 */
	private static void limit(int[] perLength, int maxLength) {
		for (int length = maxLength + 1; length < perLength.length; length++) {
			perLength[maxLength] += perLength[length];
			perLength[length] = 0;
		}
		long total = 0;
		for (int length = maxLength; length > 0; length--) {
			total += (long) perLength[length] << (maxLength - length);
		}
		while (total != (1L << maxLength)) {
			perLength[maxLength]--;
			for (int length = maxLength - 1; length > 0; length--) {
				if (perLength[length] != 0) {
					perLength[length]--;
					perLength[length + 1] += 2;
					break;
				}
			}
			total--;
		}
	}

	/** Canonical codes for these lengths, bit-reversed for DEFLATE. */
	static int[] codes(int[] lengths) {
		int[] perLength = new int[16];
		for (int length : lengths) {
			perLength[length]++;
		}
		perLength[0] = 0;
		int[] next = new int[16];
		int code = 0;
		for (int length = 1; length < 16; length++) {
			code = (code + perLength[length - 1]) << 1;
			next[length] = code;
		}
		int[] codes = new int[lengths.length];
		for (int symbol = 0; symbol < lengths.length; symbol++) {
			int length = lengths[symbol];
			if (length > 0) {
				codes[symbol] = Integer.reverse(next[length]++) >>> (32 - length);
			}
		}
		return codes;
	}

}
