package com.prompt2pixel.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands a product into render tasks: the product gets one template set (the merchant's
 * explicit choice, else the set whose rule it meets most specifically, see
 * {@link MatchRules#match}, else the fallback set), then every scene of that set times
 * its variants. Seeds are deterministic, so a rerun reproduces the same task set.
 */
public final class PromptExpander {

	/** The matched rule recorded when the set was chosen explicitly. */
	public static final String EXPLICIT = "explicit";

	/** The matched rule recorded when no set's rules matched. */
	public static final String FALLBACK = "fallback";

	private final CompiledTemplateSet explicit;

	/** The merchant's sets, then the library's: a set of the first that matches wins. */
	private final List<List<CompiledTemplateSet>> tiers;

	private final CompiledTemplateSet fallback;

	private PromptExpander(CompiledTemplateSet explicit, List<List<CompiledTemplateSet>> tiers,
			CompiledTemplateSet fallback) {
		this.explicit = explicit;
		this.tiers = tiers.stream().map(List::copyOf).toList();
		this.fallback = fallback;
	}

	/** Every product gets this set. */
	public static PromptExpander forSet(CompiledTemplateSet set) {
		return new PromptExpander(set, List.of(), null);
	}

	/**
	 * Each product gets the merchant's set whose rule it meets most specifically, else
	 * the library's, else the fallback.
	 */
	public static PromptExpander matching(List<CompiledTemplateSet> merchantSets, List<CompiledTemplateSet> library,
			CompiledTemplateSet fallback) {
		return new PromptExpander(null, List.of(merchantSets, library), fallback);
	}

	/**
	 * Each product gets the candidate whose rule it meets most specifically (the first of
	 * equals), else the fallback.
	 */
	public static PromptExpander matching(List<CompiledTemplateSet> candidates, CompiledTemplateSet fallback) {
		return new PromptExpander(null, List.of(candidates), fallback);
	}

	/**
	 * @param variants how many variants per scene, or null for each scene's own
	 * variations
	 */
	public List<ExpandedTask> expand(String merchant, ProductFacts product, Integer variants) {
		if (variants != null && variants < 1) {
			throw new IllegalArgumentException("variants must be at least 1, was " + variants);
		}
		Selection selection = select(product);
		Map<String, Object> fields = fields(product);
		List<ExpandedTask> tasks = new ArrayList<>();
		for (CompiledTemplateSet.CompiledScene scene : selection.set().scenes()) {
			SceneTemplate template = scene.template();
			List<SceneTemplate.Variation> variations = template.variations();
			int count = (variants != null) ? variants : variations.size();
			Map<String, String[]> renderedByText = new HashMap<>();
			for (int variant = 1; variant <= count; variant++) {
				SceneTemplate.Variation variation = variations.get((variant - 1) % variations.size());
				String[] prompts = renderedByText.computeIfAbsent(variation.text(), (text) -> {
					fields.put("variation", text);
					return new String[] { scene.prompt(fields), scene.negativePrompt(fields), scene.alt(fields) };
				});
				long seed = Seeds.of(merchant, product.sku(), template.id(), template.version(), variant);
				tasks.add(new ExpandedTask(selection.set().set().id(), template, selection.rule(), variant, variation,
						seed, prompts[0], prompts[1], prompts[2]));
			}
		}
		return tasks;
	}

	/** The set a product gets and why. */
	public Selection select(ProductFacts product) {
		if (this.explicit != null) {
			return new Selection(this.explicit, EXPLICIT);
		}
		for (List<CompiledTemplateSet> tier : this.tiers) {
			Selection best = mostSpecific(tier, product);
			if (best != null) {
				return best;
			}
		}
		return new Selection(this.fallback, FALLBACK);
	}

	/**
	 * The most specific rule of any set wins ("Wohnen > Küche" is the kitchen's, not the
	 * home's "Wohnen"); the earlier set on a tie.
	 */
	private static Selection mostSpecific(List<CompiledTemplateSet> sets, ProductFacts product) {
		Selection best = null;
		int strength = -1;
		for (CompiledTemplateSet candidate : sets) {
			Optional<MatchRules.Match> match = candidate.set().match().match(product);
			if (match.isPresent() && match.get().strength() > strength) {
				best = new Selection(candidate, match.get().rule());
				strength = match.get().strength();
			}
		}
		return best;
	}

	static Map<String, Object> fields(ProductFacts product) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("sku", product.sku());
		fields.put("title", product.title());
		fields.put("description", product.description());
		fields.put("category", product.category());
		fields.put("product_type", product.productType());
		fields.put("vendor", product.vendor());
		fields.put("tags", product.tags());
		fields.put("variation", "");
		return fields;
	}

	/**
	 * @param set the chosen set
	 * @param rule why: {@link #EXPLICIT}, {@link #FALLBACK} or the matching rule
	 */
	public record Selection(CompiledTemplateSet set, String rule) {

	}

}
