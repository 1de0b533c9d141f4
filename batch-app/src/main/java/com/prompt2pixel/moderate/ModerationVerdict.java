package com.prompt2pixel.moderate;

import java.util.List;

/**
 * The outcome of the automatic checks on one task's image.
 *
 * @param taskId the task
 * @param problems why it is held: what is wrong, each with its flag, or the review
 * policy's reason (SAMPLED, REVIEW_ALL); empty when the image is approved
 * @param checks every check's score and problems as JSON, for {@code render_task.checks}
 */
record ModerationVerdict(long taskId, List<String> problems, String checks) {

	boolean approved() {
		return this.problems.isEmpty();
	}

}
