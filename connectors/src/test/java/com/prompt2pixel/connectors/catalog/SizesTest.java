package com.prompt2pixel.connectors.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SizesTest {

	@ParameterizedTest
	@CsvSource(delimiterString = "|", textBlock = """
			30 x 20 x 12 cm          | false | 30
			30cm x 20cm              | false | 30
			H 25cm                   | false | 25
			Height: 25 CM, Ø 12 cm   | false | 25
			Ø 20 cm                  | false | 20
			350 mm                   | false | 35
			1.2 m                    | false | 120
			12 in                    | false | 30.48
			16 x 20"                 | false | 50.8
			3 ft                     | false | 91.44
			12,5 cm                  | true  | 12.5
			12,5 cm                  | false | 12.5
			1,200 mm                 | false | 120
			""")
	void shouldReadTheLargestDimensionInCentimetres(String text, boolean decimalComma, double cm) {
		assertThat(Sizes.parse(text, decimalComma)).isCloseTo(cm, within(1e-9));
	}

	@Test
	void shouldReadAnEmptyCellAsNoSize() {
		assertThat(Sizes.parse("  ", false)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", quoteCharacter = '"', textBlock = """
			M            | 'M' is not a size: write it as 30 x 20 x 12 cm, H 25 cm, 350 mm or 12 in
			30 x 20      | '30 x 20' is not a size (a number needs its unit)
			350 ml       | '350 ml' is not a size (a number needs its unit)
			0 cm         | '0 cm' is no product's size (largest dimension 0.0 cm)
			200 m        | '200 m' is no product's size (largest dimension 20000.0 cm)
			""")
	void shouldRefuseWhatStatesNoSizeWithAUnit(String text, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> Sizes.parse(text, false))
			.withMessageStartingWith(message);
	}

}
