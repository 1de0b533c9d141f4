package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptExpanderTest {

	private final TemplateLibrary library = TemplateLibrary.fromClasspath();

	private final ProductFacts mug = new ProductFacts("MUG-01", "Stoneware Mug", "A 350 ml mug.",
			"Home > Kitchen > Mugs", "", "Acme", List.of());

	@Test
	void shouldExpandEverySceneOfTheMatchedSetAndRecordTheRule() {
		List<ExpandedTask> tasks = this.library.matchingExpander().expand("demo", this.mug, null);

		assertThat(tasks).extracting((task) -> task.template().id())
			.containsExactly("kitchen-dining-packshot", "kitchen-dining-lifestyle", "kitchen-dining-flat-lay",
					"kitchen-dining-seasonal");
		assertThat(tasks).allSatisfy((task) -> {
			assertThat(task.set()).isEqualTo("kitchen-dining");
			assertThat(task.matchedRule()).isEqualTo("category=Home > Kitchen");
		});
		assertThat(tasks.get(0).prompt()).startsWith("professional studio product photograph of Stoneware Mug by Acme,")
			.doesNotContain("\n")
			.doesNotContain("  ");
	}

	@Test
	void shouldPreferTheMerchantsExplicitChoice() {
		PromptExpander expander = PromptExpander.forSet(this.library.load("jewelry"));

		assertThat(expander.expand("demo", this.mug, null)).allSatisfy((task) -> {
			assertThat(task.set()).isEqualTo("jewelry");
			assertThat(task.matchedRule()).isEqualTo(PromptExpander.EXPLICIT);
		});
	}

	@Test
	void shouldFallBackToTheGenericSetWhenNoRuleMatches() {
		ProductFacts oddity = new ProductFacts("X-1", "Garden Gnome", "", "Garden > Ornaments", "Gnome", "", List.of());

		List<ExpandedTask> tasks = this.library.matchingExpander().expand("demo", oddity, null);

		assertThat(tasks).hasSize(4).allSatisfy((task) -> {
			assertThat(task.set()).isEqualTo("generic");
			assertThat(task.matchedRule()).isEqualTo(PromptExpander.FALLBACK);
		});
	}

	@Test
	void shouldGiveEachVariantItsOwnSeedAndReproduceThemOnARerun() {
		List<ExpandedTask> first = this.library.matchingExpander().expand("demo", this.mug, 3);
		List<ExpandedTask> again = this.library.matchingExpander().expand("demo", this.mug, 3);

		assertThat(first).hasSize(12);
		assertThat(first).extracting(ExpandedTask::seed).doesNotHaveDuplicates();
		assertThat(again).extracting(ExpandedTask::seed)
			.containsExactlyElementsOf(first.stream().map(ExpandedTask::seed).toList());
	}

	@Test
	void shouldKeepTemplateSyntaxInMerchantTextLiteral() {
		ProductFacts hostile = new ProductFacts("X", "{{ sku }} {% if true %}Mug{% endif %} & <b>Co</b>", "", "Kitchen",
				"", "", List.of());

		String prompt = this.library.matchingExpander().expand("demo", hostile, 1).get(0).prompt();

		assertThat(prompt).contains("{{ sku }} {% if true %}Mug{% endif %} & <b>Co</b>");
	}

	@Test
	void shouldDescribeEachImageByItsScenesAltTextCutAtAWordWithinShopifysLimit() {
		String yaml = """
				vertical: alt
				scenes:
				  - id: kitchen
				    version: 1
				    name: Kitchen counter
				    kind: lifestyle
				    prompt: photo of {{ title }}
				    negative_prompt: text
				    alt: |
				      {{ title }}{% if vendor is not empty %} by {{ vendor }}{% endif %}
				      on a pale oak kitchen counter
				  - id: packshot
				    version: 1
				    name: Studio packshot
				    kind: packshot
				    prompt: photo of {{ title }}
				    negative_prompt: text
				""";
		PromptExpander expander = PromptExpander.forSet(TemplateSets.parse("alt", "alt.yaml", yaml));
		ProductFacts longTitle = new ProductFacts("L-1", "Mug ".repeat(200).strip(), "", "", "", "", List.of());

		List<ExpandedTask> tasks = expander.expand("demo", this.mug, null);
		String cut = expander.expand("demo", longTitle, null).get(0).alt();

		assertThat(tasks).extracting(ExpandedTask::alt)
			.containsExactly("Stoneware Mug by Acme on a pale oak kitchen counter", "Stoneware Mug — Studio packshot");
		assertThat(cut).hasSizeLessThanOrEqualTo(SceneTemplate.ALT_MAX).endsWith("Mug").startsWith("Mug Mug");
	}

	@Test
	void shouldRefuseZeroVariants() {
		assertThatThrownBy(() -> this.library.matchingExpander().expand("demo", this.mug, 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("variants must be at least 1, was 0");
	}

	@Test
	void shouldMatchGermanFrenchAndSpanishCategoriesToTheirVertical() {
		assertThat(setOf("Wohnen > Küche > Tassen", "")).isEqualTo("kitchen-dining");
		assertThat(setOf("Küche & Esszimmer", "")).isEqualTo("kitchen-dining");
		assertThat(setOf("Wohnen > Sofas", "")).isEqualTo("home-furniture");
		assertThat(setOf("Beleuchtung > Hängeleuchten", "")).isEqualTo("home-furniture");
		assertThat(setOf("Maison > Cuisine", "")).isEqualTo("kitchen-dining");
		assertThat(setOf("Décoration", "")).isEqualTo("home-furniture");
		assertThat(setOf("Cocina > Sartenes", "")).isEqualTo("kitchen-dining");
		assertThat(setOf("Hogar > Iluminación", "")).isEqualTo("home-furniture");
		assertThat(setOf("Schmuck > Ringe", "")).isEqualTo("jewelry");
		assertThat(setOf("", "Becher")).isEqualTo("kitchen-dining");
	}

	@Test
	void shouldPreferTheMostSpecificRuleOfAnySet() {
		// a product type beats a category, whichever set comes first
		assertThat(setOf("Wohnen", "Tasse")).isEqualTo("kitchen-dining");
		assertThat(this.library.matchingExpander()
			.select(new ProductFacts("K", "T", "", "Wohnen > Küche", "", "", List.of()))
			.rule()).isEqualTo("category=Wohnen > Küche");
	}

	@Test
	void shouldPreferAMatchingSetOfTheMerchantsOverAMoreSpecificOneOfTheLibrary() {
		CompiledTemplateSet sale = TemplateSets.parse("sale", "sale.yaml", """
				vertical: sale
				match:
				  tags: [sale]
				scenes:
				  - id: sale-banner
				    version: 1
				    name: Sale
				    kind: seasonal
				    prompt: photo of {{ title }} with a sale banner
				    negative_prompt: text
				    composition:
				      palette: ["#ffffff", "#eeeeee", "#dddddd"]
				      product_scale: 0.5
				""");
		PromptExpander expander = PromptExpander.matching(List.of(sale), this.library.all(),
				this.library.load(TemplateLibrary.FALLBACK_SET));

		assertThat(
				expander.select(new ProductFacts("K", "T", "", "Küche", "Tasse", "", List.of("sale"))).set().set().id())
			.isEqualTo("sale");
	}

	private String setOf(String category, String productType) {
		return this.library.matchingExpander()
			.select(new ProductFacts("K", "T", "", category, productType, "", List.of()))
			.set()
			.set()
			.id();
	}

}
