package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchRulesTest {

	private final MatchRules rules = new MatchRules(List.of("Mug"), List.of("Home > Kitchen"), List.of("tableware"),
			List.of("Acme"));

	@Test
	void shouldMatchProductTypeFirst() {
		assertThat(this.rules.firstMatch(product("mug", "Home > Kitchen", List.of("tableware"), "Acme")))
			.contains("product_type=Mug");
	}

	@Test
	void shouldMatchACategoryPathByPrefixIgnoringSpacing() {
		assertThat(this.rules.firstMatch(product("", "home>kitchen > Mugs", List.of(), "")))
			.contains("category=Home > Kitchen");
		assertThat(this.rules.firstMatch(product("", "Home > Kitchenware", List.of(), ""))).isEmpty();
	}

	@Test
	void shouldMatchTagsAndVendorsCaseInsensitively() {
		assertThat(this.rules.firstMatch(product("", "", List.of("Gift", "TABLEWARE"), ""))).contains("tag=tableware");
		assertThat(this.rules.firstMatch(product("", "", List.of(), "ACME"))).contains("vendor=Acme");
	}

	@Test
	void shouldNotMatchEmptyFields() {
		assertThat(MatchRules.NONE.firstMatch(product("Mug", "Home", List.of("x"), "Acme"))).isEmpty();
		assertThat(
				new MatchRules(List.of(""), List.of(), List.of(), List.of()).firstMatch(product("", "", List.of(), "")))
			.isEmpty();
	}

	private static ProductFacts product(String type, String category, List<String> tags, String vendor) {
		return new ProductFacts("K", "T", "", category, type, vendor, tags);
	}

}
