package com.prompt2pixel.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskStateTest {

	@Test
	void shouldOnlyPublishApprovedImages() {
		assertThat(TaskState.PUBLISHED.allowedFrom()).containsExactly(TaskState.APPROVED);
	}

	@Test
	void shouldLetReviewApproveOrRejectAHeldImage() {
		assertThat(TaskState.APPROVED.allowedFrom()).contains(TaskState.NEEDS_REVIEW);
		assertThat(TaskState.REJECTED.allowedFrom()).containsExactly(TaskState.NEEDS_REVIEW);
	}

	@Test
	void shouldOnlyReuseACachedImageForATaskThatWasNotRenderedYet() {
		assertThat(TaskState.SKIPPED_CACHED.allowedFrom()).containsExactly(TaskState.PENDING);
	}

	@Test
	void shouldNeverMoveATaskBackToPendingOrOutOfBlocked() {
		assertThat(TaskState.BLOCKED_PROMPT.allowedFrom()).isEmpty();
		assertThat(TaskState.PENDING.allowedFrom()).isEmpty();
	}

	@Test
	void shouldCountEveryStateAfterGenerationAsHoldingAnImage() {
		assertThat(TaskState.WITH_IMAGE).containsExactlyInAnyOrder(TaskState.GENERATED, TaskState.APPROVED,
				TaskState.NEEDS_REVIEW, TaskState.REJECTED, TaskState.PUBLISHED);
	}

}
