package com.prompt2pixel.expand;

import java.util.List;

import com.prompt2pixel.merchant.MerchantPolicies.MerchantPolicy;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.templates.CacheKeys;
import com.prompt2pixel.templates.ExpandedTask;
import com.prompt2pixel.templates.ProductFacts;
import com.prompt2pixel.templates.PromptExpander;

/**
 * Plans a product's render tasks: the matched set's scenes and variants, each with its
 * cache key and, when the prompt policy blocks it, the reason. Shared by the expand step
 * and the preview, so a preview shows exactly what a run would create.
 */
final class TaskPlanner {

	private final PromptExpander expander;

	private final MerchantPolicy policy;

	private final String merchantId;

	private final Integer variants;

	private final ImageGenerator generator;

	private final ProductMatte matte;

	TaskPlanner(PromptExpander expander, MerchantPolicy policy, String merchantId, Integer variants,
			ImageGenerator generator, ProductMatte matte) {
		this.expander = expander;
		this.matte = matte;
		this.policy = policy;
		this.merchantId = merchantId;
		this.variants = variants;
		this.generator = generator;
	}

	List<TaskDraft> plan(long productId, ProductFacts product, String imageSha256, Double sizeCm) {
		return this.expander.expand(this.merchantId, product, this.variants)
			.stream()
			.map((task) -> draft(productId, task, imageSha256, sizeCm))
			.toList();
	}

	/** The expander's tasks for the product, before they are drafted. */
	List<ExpandedTask> expand(ProductFacts product) {
		return this.expander.expand(this.merchantId, product, this.variants);
	}

	/** One task drafted: its cache key and whether the prompt policy blocks it. */
	TaskDraft draft(long productId, ExpandedTask task, String imageSha256, Double sizeCm) {
		String photo = (imageSha256 != null) ? imageSha256 : "";
		return new TaskDraft(productId, task, cacheKey(task, photo, sizeCm), this.policy.violation(task.prompt()));
	}

	/**
	 * Keyed on the backend and model that will render the scene's model name, and on how
	 * the product is cut out when that is not the default ({@code auto}, left out so that
	 * keys made before the matte was a setting still match).
	 */
	private String cacheKey(ExpandedTask task, String photo, Double sizeCm) {
		ImageGenerator renderer = this.generator.forModel(task.template().params().model());
		return CacheKeys.of(renderer.backend(), keyedModel(renderer, this.matte), task, photo, sizeCm);
	}

	/** The renderer's model, and the matte unless it is the default. */
	static String keyedModel(ImageGenerator renderer, ProductMatte matte) {
		return matte.key().equals("auto") ? renderer.model() : renderer.model() + " matte=" + matte.key();
	}

}
