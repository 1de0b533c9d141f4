package com.prompt2pixel.moderate;

import com.prompt2pixel.task.TaskStateUpdates;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies verdicts: APPROVED, or NEEDS_REVIEW with every problem as the reason.
 */
class ModerationWriter implements ItemWriter<ModerationVerdict> {

	private final TaskStateUpdates updates;

	ModerationWriter(TaskStateUpdates updates) {
		this.updates = updates;
	}

	@Override
	public void write(Chunk<? extends ModerationVerdict> chunk) {
		for (ModerationVerdict verdict : chunk) {
			if (verdict.approved()) {
				this.updates.approved(verdict.taskId());
			}
			else {
				this.updates.heldForReview(verdict.taskId(), String.join("; ", verdict.problems()));
			}
		}
	}

}
