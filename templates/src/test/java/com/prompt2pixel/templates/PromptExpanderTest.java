package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptExpanderTest {

	private final TemplateSet set = TemplateLibrary.fromClasspath().load(TemplateLibrary.DEFAULT_SET);

	private final PromptExpander expander = new PromptExpander(this.set);

	private final ProductFacts mug = new ProductFacts("MUG-01", "Stoneware Mug", "A 350 ml mug.", "Kitchen", "Acme");

	@Test
	void shouldExpandEverySceneTimesEveryVariantInAStableOrder() {
		List<ExpandedTask> tasks = this.expander.expand("demo", this.mug, 2);

		assertThat(tasks).extracting((task) -> task.template().id() + "-" + task.variant())
			.containsExactly("studio-packshot-1", "studio-packshot-2", "kitchen-counter-1", "kitchen-counter-2",
					"dining-table-1", "dining-table-2");
		assertThat(tasks.get(0).prompt())
			.startsWith("professional studio product photograph of Stoneware Mug, Kitchen,")
			.doesNotContain("\n")
			.doesNotContain("  ");
		assertThat(tasks.get(0).negativePrompt()).startsWith("text, watermark");
	}

	@Test
	void shouldGiveEachVariantItsOwnSeedAndReproduceThemOnARerun() {
		List<ExpandedTask> first = this.expander.expand("demo", this.mug, 3);
		List<ExpandedTask> again = new PromptExpander(this.set).expand("demo", this.mug, 3);

		assertThat(first).extracting(ExpandedTask::seed).doesNotHaveDuplicates();
		assertThat(again).extracting(ExpandedTask::seed)
			.containsExactlyElementsOf(first.stream().map(ExpandedTask::seed).toList());
	}

	@Test
	void shouldKeepTemplateSyntaxInMerchantTextLiteral() {
		ProductFacts hostile = new ProductFacts("X", "{{#sku}}Mug{{/sku}} & <b>Co</b>", "", "", "");

		String prompt = this.expander.expand("demo", hostile, 1).get(0).prompt();

		assertThat(prompt).contains("{{#sku}}Mug{{/sku}} & <b>Co</b>");
	}

	@Test
	void shouldRefuseZeroVariants() {
		assertThatThrownBy(() -> this.expander.expand("demo", this.mug, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("variants must be at least 1, was 0");
	}

}
