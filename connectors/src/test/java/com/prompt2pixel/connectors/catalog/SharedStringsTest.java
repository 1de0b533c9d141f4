package com.prompt2pixel.connectors.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedStringsTest {

	@Test
	void shouldHandBackEveryStringAsAddedAcrossGrowth() {
		SharedStrings strings = new SharedStrings();
		for (int i = 0; i < 100_000; i++) {
			strings.add((i % 7 == 0) ? "" : "Produkt " + i + " – Größe M");
		}

		assertThat(strings.size()).isEqualTo(100_000);
		assertThat(strings.get(0)).isEmpty();
		assertThat(strings.get(99_999)).isEqualTo("Produkt 99999 – Größe M");
		assertThat(strings.get(12_345)).isEqualTo("Produkt 12345 – Größe M");
	}

	@Test
	void shouldRefuseMoreStringsOrCharactersThanItsBounds() {
		SharedStrings few = new SharedStrings(3, 1_000);
		few.add("a");
		few.add("b");
		few.add("c");
		assertThatThrownBy(() -> few.add("d")).isInstanceOf(SharedStrings.TooLarge.class)
			.hasMessage("more than 3 shared strings");

		SharedStrings tight = new SharedStrings(100, 10);
		tight.add("12345");
		assertThatThrownBy(() -> tight.add("678901")).isInstanceOf(SharedStrings.TooLarge.class)
			.hasMessage("more than 10 characters of shared strings");
		assertThatThrownBy(() -> new SharedStrings(100, 2_000_000).add("x".repeat(2_000_001)))
			.hasMessage("more than 2,000,000 characters of shared strings");
	}

	@Test
	void shouldBoundTheWholeWorkbookFarBelowAGigabyte() {
		// what the bounds let one workbook hold: its characters and one offset per string
		long bytes = 2L * SharedStrings.MAX_CHARS + 4L * SharedStrings.MAX_STRINGS;

		assertThat(bytes).isLessThan(400L * 1024 * 1024);
	}

}
