package com.prompt2pixel.run;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one render task. Every state change goes through {@link TaskStateUpdates},
 * which only moves a task along a transition listed here.
 */
public enum TaskState {

	PENDING, GENERATED, APPROVED, NEEDS_REVIEW, REJECTED, PUBLISHED, BLOCKED_PROMPT, FAILED, SKIPPED_CACHED;

	/** Target state -> the states a task may be in to move there. */
	private static final Map<TaskState, Set<TaskState>> ALLOWED_FROM = Map.of(GENERATED, EnumSet.of(PENDING), FAILED,
			EnumSet.of(PENDING), APPROVED, EnumSet.of(GENERATED, NEEDS_REVIEW), NEEDS_REVIEW, EnumSet.of(GENERATED),
			REJECTED, EnumSet.of(NEEDS_REVIEW), PUBLISHED, EnumSet.of(APPROVED));

	/** The states a task may leave to enter this one; empty for initial states. */
	public Set<TaskState> allowedFrom() {
		return ALLOWED_FROM.getOrDefault(this, EnumSet.noneOf(TaskState.class));
	}

	/** States whose task holds a generated image. */
	public static final Set<TaskState> WITH_IMAGE = EnumSet.of(GENERATED, APPROVED, NEEDS_REVIEW, REJECTED, PUBLISHED);

}
