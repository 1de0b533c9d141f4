package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeysTest {

	private final ProductFacts mug = new ProductFacts("MUG-01", "Stoneware Mug", "", "Kitchen", "", "", List.of());

	private final ExpandedTask task = TemplateLibrary.fromClasspath()
		.matchingExpander()
		.expand("demo", this.mug, 1)
		.get(0);

	@Test
	void shouldBeStableForTheSameInputs() {
		assertThat(CacheKeys.of("compositor", "m1", this.task, "abc", null))
			.isEqualTo(CacheKeys.of("compositor", "m1", this.task, "abc", null))
			.hasSize(64);
	}

	@Test
	void shouldChangeWithBackendModelPhotoPromptAndSeed() {
		String key = CacheKeys.of("compositor", "m1", this.task, "abc", null);
		ExpandedTask otherPrompt = new ExpandedTask(this.task.set(), this.task.template(), this.task.matchedRule(), 1,
				this.task.variation(), this.task.seed(), this.task.prompt() + "!", this.task.negativePrompt(),
				this.task.alt());
		ExpandedTask otherSeed = new ExpandedTask(this.task.set(), this.task.template(), this.task.matchedRule(), 1,
				this.task.variation(), this.task.seed() + 1, this.task.prompt(), this.task.negativePrompt(),
				this.task.alt());
		ExpandedTask otherAlt = new ExpandedTask(this.task.set(), this.task.template(), this.task.matchedRule(), 1,
				this.task.variation(), this.task.seed(), this.task.prompt(), this.task.negativePrompt(), "another alt");

		assertThat(CacheKeys.of("djl", "m1", this.task, "abc", null)).isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m2", this.task, "abc", null)).isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", this.task, "abd", null)).isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", otherPrompt, "abc", null)).isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", otherSeed, "abc", null)).isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", otherAlt, "abc", null)).as("alt text does not change the pixels")
			.isEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", this.task, "abc", 12.0)).as("a stated size scales the product")
			.isNotEqualTo(key)
			.isNotEqualTo(CacheKeys.of("compositor", "m1", this.task, "abc", 14.0));
	}

	@Test
	void shouldChangeWithANamedSurfaceAndAFlatLaysView() {
		String key = CacheKeys.of("compositor", "m1", this.task, "abc", null);
		SceneTemplate template = this.task.template();
		assertThat(template.kind()).isEqualTo("packshot");
		CompositionHints hints = template.hints();
		CompositionHints wood = new CompositionHints(hints.palette(), hints.productScale(), hints.placement(), "wood",
				null, List.of());

		assertThat(CacheKeys.of("compositor", "m1", with(template, template.kind(), hints), "abc", null))
			.as("the same template, rebuilt")
			.isEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", with(template, template.kind(), wood), "abc", null))
			.isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", with(template, "flat-lay", hints), "abc", null))
			.as("a flat lay is seen from above")
			.isNotEqualTo(key);
		assertThat(CacheKeys.of("compositor", "m1", with(template, "lifestyle", hints), "abc", null))
			.as("another front view's kind alone changes no pixel")
			.isEqualTo(key);
		CompositionHints vase = new CompositionHints(hints.palette(), hints.productScale(), hints.placement(),
				hints.surface(), null, List.of("vase"));
		CompositionHints books = new CompositionHints(hints.palette(), hints.productScale(), hints.placement(),
				hints.surface(), null, List.of("books"));
		assertThat(CacheKeys.of("compositor", "m1", with(template, template.kind(), vase), "abc", null))
			.as("a prop beside the product")
			.isNotEqualTo(key)
			.isNotEqualTo(CacheKeys.of("compositor", "m1", with(template, template.kind(), books), "abc", null));
	}

	private ExpandedTask with(SceneTemplate template, String kind, CompositionHints hints) {
		SceneTemplate changed = new SceneTemplate(template.id(), template.version(), template.name(), kind,
				template.prompt(), template.negativePrompt(), template.alt(), template.params(), template.variations(),
				hints, template.source());
		return new ExpandedTask(this.task.set(), changed, this.task.matchedRule(), 1, this.task.variation(),
				this.task.seed(), this.task.prompt(), this.task.negativePrompt(), this.task.alt());
	}

}
