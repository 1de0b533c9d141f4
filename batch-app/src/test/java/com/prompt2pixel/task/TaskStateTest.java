package com.prompt2pixel.task;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The one transition table, state by state: where a task may come from to enter it.
 */
class TaskStateTest {

	static Stream<Arguments> transitions() {
		return Stream.of(arguments(TaskState.PENDING, EnumSet.noneOf(TaskState.class)),
				arguments(TaskState.BLOCKED_PROMPT, EnumSet.noneOf(TaskState.class)),
				arguments(TaskState.GENERATED, EnumSet.of(TaskState.PENDING)),
				arguments(TaskState.FAILED, EnumSet.of(TaskState.PENDING)),
				// only a task not rendered yet reuses a cached image
				arguments(TaskState.SKIPPED_CACHED, EnumSet.of(TaskState.PENDING)),
				// by the checks and the policy, or by a reviewer
				arguments(TaskState.APPROVED, EnumSet.of(TaskState.GENERATED, TaskState.NEEDS_REVIEW)),
				// held by the checks or the policy, or taken down by the merchant's
				// report
				arguments(TaskState.NEEDS_REVIEW,
						EnumSet.of(TaskState.GENERATED, TaskState.PUBLISHED, TaskState.SKIPPED_CACHED)),
				// only a reviewer's decisions
				arguments(TaskState.REJECTED, EnumSet.of(TaskState.NEEDS_REVIEW)),
				arguments(TaskState.REGENERATED, EnumSet.of(TaskState.NEEDS_REVIEW)),
				// nothing unapproved is published
				arguments(TaskState.PUBLISHED, EnumSet.of(TaskState.APPROVED)));
	}

	@ParameterizedTest
	@MethodSource("transitions")
	void shouldEnterEachStateOnlyFromTheStatesOfTheTable(TaskState to, Set<TaskState> from) {
		assertThat(to.allowedFrom()).containsExactlyInAnyOrderElementsOf(from);
	}

	@Test
	void shouldListEveryStateInTheTable() {
		assertThat(transitions().map((row) -> row.get()[0])).containsExactlyInAnyOrder((Object[]) TaskState.values());
	}

	@Test
	void shouldNeverLeaveAnEndState() {
		for (TaskState end : EnumSet.of(TaskState.BLOCKED_PROMPT, TaskState.FAILED, TaskState.REJECTED,
				TaskState.REGENERATED)) {
			for (TaskState to : TaskState.values()) {
				assertThat(to.allowedFrom()).as(end + " -> " + to).doesNotContain(end);
			}
		}
	}

	@Test
	void shouldLeaveAPublishedImageOnlyForReviewWhenItIsReported() {
		for (TaskState to : TaskState.values()) {
			if (to != TaskState.NEEDS_REVIEW) {
				assertThat(to.allowedFrom()).as(to.name()).doesNotContain(TaskState.PUBLISHED);
			}
		}
	}

	@Test
	void shouldCountEveryStateAfterGenerationAsHoldingAnImage() {
		assertThat(TaskState.WITH_IMAGE).containsExactlyInAnyOrder(TaskState.GENERATED, TaskState.APPROVED,
				TaskState.NEEDS_REVIEW, TaskState.REJECTED, TaskState.REGENERATED, TaskState.PUBLISHED);
	}

}
