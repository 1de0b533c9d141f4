package com.prompt2pixel.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedsTest {

	@Test
	void shouldBeStableAcrossCallsAndWithinThirtyTwoBits() {
		long seed = Seeds.of("demo", "MUG-01", "studio-packshot", 1, 1);

		assertThat(Seeds.of("demo", "MUG-01", "studio-packshot", 1, 1)).isEqualTo(seed);
		assertThat(seed).isBetween(0L, 0xFFFF_FFFFL);
	}

	@Test
	void shouldChangeWithEveryInput() {
		long base = Seeds.of("demo", "MUG-01", "studio-packshot", 1, 1);

		assertThat(Seeds.of("other", "MUG-01", "studio-packshot", 1, 1)).isNotEqualTo(base);
		assertThat(Seeds.of("demo", "MUG-02", "studio-packshot", 1, 1)).isNotEqualTo(base);
		assertThat(Seeds.of("demo", "MUG-01", "kitchen-counter", 1, 1)).isNotEqualTo(base);
		assertThat(Seeds.of("demo", "MUG-01", "studio-packshot", 2, 1)).isNotEqualTo(base);
		assertThat(Seeds.of("demo", "MUG-01", "studio-packshot", 1, 2)).isNotEqualTo(base);
	}

	@Test
	void shouldNotConfuseShiftedBoundariesBetweenInputs() {
		assertThat(Seeds.of("de", "moMUG", "t", 1, 1)).isNotEqualTo(Seeds.of("demo", "MUG", "t", 1, 1));
	}

}
