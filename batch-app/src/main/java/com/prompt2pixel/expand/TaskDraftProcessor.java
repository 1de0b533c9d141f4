package com.prompt2pixel.expand;

import java.util.List;

import com.prompt2pixel.templates.PromptExpander;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * One product -> its render tasks for the run's template set and variants.
 */
class TaskDraftProcessor implements ItemProcessor<ExpandableProduct, List<TaskDraft>> {

	private final PromptExpander expander;

	private final String merchantId;

	private final int variants;

	TaskDraftProcessor(PromptExpander expander, String merchantId, int variants) {
		this.expander = expander;
		this.merchantId = merchantId;
		this.variants = variants;
	}

	@Override
	public List<TaskDraft> process(ExpandableProduct product) {
		return this.expander.expand(this.merchantId, product.facts(), this.variants)
			.stream()
			.map((task) -> new TaskDraft(product.id(), task))
			.toList();
	}

}
