package com.prompt2pixel.connectors.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTest {

	@Test
	void shouldPrefixEveryFormulaTrigger() {
		assertThat(SpreadsheetSafe.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(SpreadsheetSafe.cell("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetSafe.cell("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetSafe.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetSafe.cell("\tx")).isEqualTo("'\tx");
		assertThat(SpreadsheetSafe.cell("\rx")).isEqualTo("'\rx");
	}

	@Test
	void shouldLeaveOrdinaryTextAlone() {
		assertThat(SpreadsheetSafe.cell("Mug = nice")).isEqualTo("Mug = nice");
		assertThat(SpreadsheetSafe.cell("")).isEmpty();
		assertThat(SpreadsheetSafe.cell(null)).isEmpty();
	}

}
