package com.prompt2pixel.moderate;

import java.util.List;

import com.prompt2pixel.task.TaskStateUpdates.Fingerprint;

/**
 * The outcome of the automatic checks on one task's image.
 *
 * @param taskId the task
 * @param problems why it is held: what is wrong, each with its flag, or the review
 * policy's reason (SAMPLED, REVIEW_ALL); empty when the image is approved
 * @param checks every check's score and problems as JSON, for {@code render_task.checks}
 * @param fingerprint what the image looks like, for later near-copy checks; null when it
 * could not be read
 */
record ModerationVerdict(long taskId, List<String> problems, String checks, Fingerprint fingerprint) {

	boolean approved() {
		return this.problems.isEmpty();
	}

}
