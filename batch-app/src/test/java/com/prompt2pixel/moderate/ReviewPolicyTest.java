package com.prompt2pixel.moderate;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewPolicyTest {

	@Test
	void shouldHoldNoPassingImageUnderAuto() {
		assertThat(LongStream.range(1, 1000).mapToObj(ReviewPolicy.AUTO::holdPassing)).containsOnlyNulls();
	}

	@Test
	void shouldHoldEveryImageUnderAll() {
		ReviewPolicy all = new ReviewPolicy(ReviewPolicy.Mode.ALL, 0);
		assertThat(LongStream.range(1, 1000).mapToObj(all::holdPassing)).doesNotContainNull();
	}

	@Test
	void shouldHoldTheSampleShareOfConsecutiveTasks() {
		for (int percent : new int[] { 0, 1, 10, 50, 100 }) {
			ReviewPolicy sample = new ReviewPolicy(ReviewPolicy.Mode.SAMPLE, percent);
			long held = LongStream.range(1_000, 21_000).filter((task) -> sample.holdPassing(task) != null).count();
			assertThat(held / 200.0).as(percent + "%").isCloseTo(percent, org.assertj.core.data.Offset.offset(1.0));
		}
	}

	@Test
	void shouldSampleTheSameTaskTheSameWay() {
		ReviewPolicy sample = new ReviewPolicy(ReviewPolicy.Mode.SAMPLE, 30);
		for (long task = 1; task < 200; task++) {
			assertThat(sample.holdPassing(task)).isEqualTo(sample.holdPassing(task));
		}
	}

	@Test
	void shouldRefuseAShareOutOfRangeOrWithoutSampling() {
		assertThatThrownBy(() -> new ReviewPolicy(ReviewPolicy.Mode.SAMPLE, 101))
			.hasMessage("sample percent must be between 0 and 100, was 101");
		assertThatThrownBy(() -> new ReviewPolicy(ReviewPolicy.Mode.ALL, 5))
			.hasMessage("a sample percent only goes with the policy 'sample', not 'all'");
		assertThatThrownBy(() -> ReviewPolicy.Mode.parse("some"))
			.hasMessage("policy must be auto, all or sample, was 'some'");
	}

}
