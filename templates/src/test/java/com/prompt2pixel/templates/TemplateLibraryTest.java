package com.prompt2pixel.templates;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateLibraryTest {

	private final TemplateLibrary library = TemplateLibrary.fromClasspath();

	@Test
	void shouldHoldAtLeastEightVerticalsWithFourKindsOfSceneEach() {
		List<TemplateSet> verticals = this.library.all()
			.stream()
			.map(CompiledTemplateSet::set)
			.filter((set) -> !set.id().equals(TemplateLibrary.FALLBACK_SET))
			.toList();

		assertThat(verticals).hasSizeGreaterThanOrEqualTo(8);
		assertThat(verticals).allSatisfy((set) -> assertThat(set.scenes()).extracting(SceneTemplate::kind)
			.containsExactlyInAnyOrderElementsOf(SceneTemplate.KINDS));
	}

	@Test
	void shouldUseEverySceneIdOnceAcrossTheLibrary() {
		Map<String, Long> ids = this.library.all()
			.stream()
			.flatMap((set) -> set.set().scenes().stream())
			.collect(Collectors.groupingBy(SceneTemplate::id, Collectors.counting()));

		assertThat(ids.values()).containsOnly(1L);
	}

	@Test
	void shouldNameTheAvailableSetsWhenAskedForAnUnknownOne() {
		assertThatThrownBy(() -> this.library.load("garden")).isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("unknown template set 'garden'; available: apparel, footwear,");
	}

}
