package com.prompt2pixel.models;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LabTest {

	@Test
	void shouldConvertKnownColours() {
		assertThat(Lab.of(0xFFFFFF)[0]).isCloseTo(100, within(0.01));
		assertThat(Lab.of(0x000000)[0]).isCloseTo(0, within(0.01));
		// sRGB red in CIELAB D65: L 53.24, a 80.09, b 67.20
		double[] red = Lab.of(0xFF0000);
		assertThat(red[0]).isCloseTo(53.24, within(0.05));
		assertThat(red[1]).isCloseTo(80.09, within(0.05));
		assertThat(red[2]).isCloseTo(67.20, within(0.05));
	}

	@Test
	void shouldConvertAWholeImageThroughItsTablesWithinATwentiethOfAUnit() {
		SplittableRandom random = new SplittableRandom(7);
		int[] rgb = new int[20_000];
		for (int i = 0; i < rgb.length; i++) {
			// runs of one colour, as a backdrop has, and single pixels
			rgb[i] = (i % 3 == 0 && i > 0) ? rgb[i - 1] : random.nextInt(0x1000000);
		}
		float[][] lab = Lab.toLab(rgb);
		for (int i = 0; i < rgb.length; i++) {
			double[] exact = Lab.of(rgb[i]);
			double dl = exact[0] - lab[0][i];
			double da = exact[1] - lab[1][i];
			double db = exact[2] - lab[2][i];
			assertThat(Math.sqrt(dl * dl + da * da + db * db)).as(Integer.toHexString(rgb[i])).isLessThan(0.05);
		}
	}

}
