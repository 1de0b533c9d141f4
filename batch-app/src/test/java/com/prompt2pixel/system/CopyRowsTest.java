package com.prompt2pixel.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

	@Test
	void shouldSeparateValuesWithTabsAndRowsWithNewlines() {
		String rows = new CopyRows(2).value(1).value("mug").endRow().value(2).value("bowl").endRow().toString();

		assertThat(rows).isEqualTo("1\tmug\n2\tbowl\n");
	}

	@Test
	void shouldWriteNullAsBackslashN() {
		assertThat(new CopyRows(1).value(null).value("x").endRow().toString()).isEqualTo("\\N\tx\n");
	}

	@Test
	void shouldEscapeWhatCopyTextFormatGivesMeaningTo() {
		String rows = new CopyRows(1).value("a\tb\nc\rd\\e \\N").endRow().toString();

		assertThat(rows).isEqualTo("a\\tb\\nc\\rd\\\\e \\\\N\n");
	}

	@Test
	void shouldWriteArraysWithEveryElementQuoted() {
		String rows = new CopyRows(1).array(java.util.List.of("gift", "a \"b\"", "c\\d")).endRow().toString();

		assertThat(rows).isEqualTo("{\"gift\",\"a \\\\\"b\\\\\"\",\"c\\\\\\\\d\"}\n");
	}

}
