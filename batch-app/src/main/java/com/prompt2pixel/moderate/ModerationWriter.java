package com.prompt2pixel.moderate;

import com.prompt2pixel.task.TaskState;
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
				this.updates.move(verdict.taskId(), TaskState.APPROVED, null);
			}
			else {
				this.updates.move(verdict.taskId(), TaskState.NEEDS_REVIEW, String.join("; ", verdict.problems()));
			}
		}
	}

}
