package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PromptPolicyTest {

	private final PromptPolicy policy = PromptPolicy.builtIn();

	@ParameterizedTest
	@ValueSource(strings = { "a NAKED model holding the mug", "a nâkéd model", "a n4k3d model", "a n.a.k.e.d model",
			"a n a k e d model", "a n-a-k-e-d model", "a Na-Ked model" })
	void shouldSeeThroughEvasions(String prompt) {
		assertThat(this.policy.violation(prompt, "en")).isPresent();
	}

	@Test
	void shouldSayWhichTermAndPolicyBlockedAPrompt() {
		assertThat(this.policy.violation("studio photo of a naked mannequin", "en-GB"))
			.contains("prompt contains the blocked term 'naked' (policy en)");
	}

	@Test
	void shouldMatchWholeWordsOnly() {
		assertThat(this.policy.violation("nude lipstick on nude-coloured linen", "en")).isEmpty();
		assertThat(this.policy.violation("a glass bass guitar stand, class act", "en")).isEmpty();
	}

	@Test
	void shouldApplyTheLocalesListAndTheCommonList() {
		assertThat(this.policy.violation("ein nacktes Modell", "de")).isEmpty();
		assertThat(this.policy.violation("Modell oben ohne", "de"))
			.contains("prompt contains the blocked term 'oben ohne' (policy de)");
		assertThat(this.policy.violation("an NSFW poster", "fr"))
			.contains("prompt contains the blocked term 'nsfw' (policy fr)");
	}

	@Test
	void shouldReadEveryLanguageThePolicyFileLists() {
		PromptPolicy policy = PromptPolicy.parse("p.yaml", "max_prompt_length: 100\nblocked:\n  pt: [nua]\n");

		assertThat(policy.violation("modelo nua", "pt-BR"))
			.contains("prompt contains the blocked term 'nua' (policy pt)");
		assertThat(policy.violation("modelo nua", "en")).isEmpty();
	}

	@Test
	void shouldApplyAMerchantsOwnTerms() {
		PromptPolicy merchant = this.policy.withMerchantTerms(List.of("Brand X"));

		assertThat(merchant.violation("mug in the style of brand-x", "en"))
			.contains("prompt contains the term 'Brand X' that the merchant blocked");
		assertThat(this.policy.violation("mug in the style of brand-x", "en")).isEmpty();
	}

	@Test
	void shouldRefuseAnOverlongPrompt() {
		assertThat(this.policy.violation("a".repeat(1201), "en"))
			.contains("prompt is 1201 characters, more than the maximum of 1200");
	}

}
