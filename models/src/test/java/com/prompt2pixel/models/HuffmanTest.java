package com.prompt2pixel.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HuffmanTest {

	@Test
	void limitsCodeLengthsAndKeepsTheCodeComplete() {
		// Fibonacci frequencies give the deepest tree: 39 symbols would want 38 bits
		int[] frequencies = new int[40];
		int a = 1;
		int b = 1;
		for (int symbol = 1; symbol < frequencies.length; symbol++) {
			frequencies[symbol] = a;
			int next = a + b;
			a = b;
			b = next;
		}

		int[] lengths = Huffman.lengths(frequencies, 15);

		assertThat(lengths[0]).as("unused").isZero();
		double kraft = 0;
		for (int symbol = 1; symbol < lengths.length; symbol++) {
			assertThat(lengths[symbol]).isBetween(1, 15);
			kraft += Math.pow(2, -lengths[symbol]);
		}
		assertThat(kraft).isEqualTo(1.0);
		assertThat(lengths[39]).as("the most frequent").isLessThanOrEqualTo(lengths[1]);
	}

	@Test
	void givesOptimalLengthsWithinTheLimit() {
		int[] lengths = Huffman.lengths(new int[] { 45, 13, 12, 16, 9, 5 }, 15);

		// the textbook example: a=0, b=101, c=100, d=111, e=1101, f=1100
		assertThat(lengths).containsExactly(1, 3, 3, 3, 4, 4);
	}

	@Test
	void givesALoneSymbolOneBit() {
		assertThat(Huffman.lengths(new int[] { 0, 0, 7 }, 7)).containsExactly(0, 0, 1);
	}

	@Test
	void numbersCodesCanonicallyAndReversesTheirBits() {
		// lengths 2, 1, 3, 3: codes 10, 0, 110, 111, written least significant bit first
		int[] codes = Huffman.codes(new int[] { 2, 1, 3, 3 });

		assertThat(codes).containsExactly(0b01, 0b0, 0b011, 0b111);
	}

}
