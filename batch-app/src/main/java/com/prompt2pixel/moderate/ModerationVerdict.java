package com.prompt2pixel.moderate;

import java.util.List;

/**
 * The outcome of the automatic checks on one task's image.
 *
 * @param taskId the task
 * @param problems what is wrong; empty when the image is approved
 */
record ModerationVerdict(long taskId, List<String> problems) {

	boolean approved() {
		return this.problems.isEmpty();
	}

}
