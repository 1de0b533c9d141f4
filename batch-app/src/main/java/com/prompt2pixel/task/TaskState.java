package com.prompt2pixel.task;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one render task. Every state change goes through {@link TaskStateUpdates}
 * (or, for the set-based cache reuse at expansion, a statement bound to the same
 * transition), which only moves a task along a transition listed here. BLOCKED_PROMPT and
 * PENDING are where tasks start; SKIPPED_CACHED, BLOCKED_PROMPT, FAILED, REJECTED,
 * REGENERATED and PUBLISHED are where they end. A held image (NEEDS_REVIEW) leaves only
 * by a decision: approved, rejected, or regenerated (a copy with a new seed takes its
 * place in a regeneration run).
 */
public enum TaskState {

	PENDING, GENERATED, APPROVED, NEEDS_REVIEW, REJECTED, REGENERATED, PUBLISHED, BLOCKED_PROMPT, FAILED,
	SKIPPED_CACHED;

	/** Target state -> the states a task may be in to move there. */
	private static final Map<TaskState, Set<TaskState>> ALLOWED_FROM = new EnumMap<>(TaskState.class);

	static {
		ALLOWED_FROM.put(GENERATED, EnumSet.of(PENDING));
		ALLOWED_FROM.put(FAILED, EnumSet.of(PENDING));
		ALLOWED_FROM.put(SKIPPED_CACHED, EnumSet.of(PENDING));
		ALLOWED_FROM.put(APPROVED, EnumSet.of(GENERATED, NEEDS_REVIEW));
		// held by moderation, or taken down by the merchant's report
		ALLOWED_FROM.put(NEEDS_REVIEW, EnumSet.of(GENERATED, PUBLISHED, SKIPPED_CACHED));
		ALLOWED_FROM.put(REJECTED, EnumSet.of(NEEDS_REVIEW));
		ALLOWED_FROM.put(REGENERATED, EnumSet.of(NEEDS_REVIEW));
		ALLOWED_FROM.put(PUBLISHED, EnumSet.of(APPROVED));
	}

	/** States whose task holds an image rendered for it. */
	public static final Set<TaskState> WITH_IMAGE = EnumSet.of(GENERATED, APPROVED, NEEDS_REVIEW, REJECTED, REGENERATED,
			PUBLISHED);

	/**
	 * The states a task may leave to enter this one; empty for states tasks only start
	 * in.
	 */
	public Set<TaskState> allowedFrom() {
		return ALLOWED_FROM.getOrDefault(this, EnumSet.noneOf(TaskState.class));
	}

}
