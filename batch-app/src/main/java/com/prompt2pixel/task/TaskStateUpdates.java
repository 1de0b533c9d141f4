package com.prompt2pixel.task;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves render tasks between states, only along {@link TaskState}'s transitions. An
 * update that finds its task in another state changes nothing, which makes a redone chunk
 * harmless.
 */
@Component
public class TaskStateUpdates {

	private final JdbcTemplate jdbc;

	TaskStateUpdates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** PENDING to GENERATED: the task's image is in the store. */
	public boolean generated(long taskId, StoredImage image) {
		return move(taskId, TaskState.GENERATED, null,
				"backend = ?, model = ?, generative = ?, image_key = ?, image_sha256 = ?, mask_key = ?, render_ms = ?, "
						+ "matte_method = ?, matte_confidence = ?",
				image.backend(), image.model(), image.generative(), image.key(), image.sha256(), image.maskKey(),
				image.renderMillis(), image.matteMethod(), image.matteConfidence());
	}

	/** PENDING to FAILED: the task cannot be rendered, for the reason given. */
	public boolean failed(long taskId, String reason) {
		return move(taskId, TaskState.FAILED, reason, "");
	}

	/**
	 * GENERATED (or NEEDS_REVIEW) to APPROVED, with the automatic checks' findings.
	 * @param checks every check's score and problems as JSON
	 */
	public boolean approved(long taskId, String checks) {
		return move(taskId, TaskState.APPROVED, null, "checks = CAST(? AS jsonb)", checks);
	}

	/** GENERATED to NEEDS_REVIEW: held for a person, for the reasons given. */
	public boolean heldForReview(long taskId, String reasons, String checks) {
		return move(taskId, TaskState.NEEDS_REVIEW, reasons, "checks = CAST(? AS jsonb)", checks);
	}

	/**
	 * A reviewer's decision on a held image: NEEDS_REVIEW to APPROVED, REJECTED or
	 * REGENERATED, with the decision's reason (may be null). The checks' findings stay as
	 * moderation recorded them.
	 * @throws IllegalArgumentException for a state no decision leads to
	 */
	public boolean decided(long taskId, TaskState to, String reason) {
		if (!to.allowedFrom().contains(TaskState.NEEDS_REVIEW)) {
			throw new IllegalArgumentException("no decision on a held image leads to " + to);
		}
		return this.jdbc.update("""
				UPDATE render_task SET state = ?, state_reason = ?, updated_at = now()
				WHERE id = ? AND state = 'NEEDS_REVIEW'""", to.name(), reason, taskId) == 1;
	}

	/** APPROVED to PUBLISHED. */
	public boolean published(long taskId) {
		return move(taskId, TaskState.PUBLISHED, null, "");
	}

	/**
	 * Moves the task to {@code to} with a reason (may be null), and sets the extra
	 * columns this class names: callers say what happened, never which columns change.
	 */
	private boolean move(long taskId, TaskState to, String reason, String assignments, Object... values) {
		String sql = "UPDATE render_task SET state = ?, state_reason = ?, updated_at = now()"
				+ (assignments.isEmpty() ? "" : ", " + assignments) + " WHERE id = ? AND state IN ("
				+ allowedFromList(to) + ")";
		Object[] arguments = new Object[values.length + 3];
		arguments[0] = to.name();
		arguments[1] = reason;
		System.arraycopy(values, 0, arguments, 2, values.length);
		arguments[arguments.length - 1] = taskId;
		return this.jdbc.update(sql, arguments) == 1;
	}

	/**
	 * A rendered image as its task records it.
	 *
	 * @param key its key in the image store
	 * @param sha256 hex SHA-256 of the stored bytes
	 * @param maskKey the key of its product mask in the image store, or null when it has
	 * none
	 */
	public record StoredImage(String backend, String model, boolean generative, String key, String sha256,
			String maskKey, long renderMillis, String matteMethod, Double matteConfidence) {

	}

	private static String allowedFromList(TaskState to) {
		List<TaskState> from = List.copyOf(to.allowedFrom());
		if (from.isEmpty()) {
			throw new IllegalArgumentException("no task may move to " + to);
		}
		return from.stream().map((state) -> "'" + state.name() + "'").collect(Collectors.joining(", "));
	}

}
