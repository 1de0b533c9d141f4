package com.prompt2pixel.expand;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * One product -> its planned render tasks.
 */
class TaskDraftProcessor implements ItemProcessor<ExpandableProduct, List<TaskDraft>> {

	private final TaskPlanner planner;

	TaskDraftProcessor(TaskPlanner planner) {
		this.planner = planner;
	}

	@Override
	public List<TaskDraft> process(ExpandableProduct product) {
		return this.planner.plan(product.id(), product.facts(), product.imageSha256(), product.sizeCm());
	}

}
