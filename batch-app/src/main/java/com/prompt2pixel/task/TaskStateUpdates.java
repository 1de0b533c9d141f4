package com.prompt2pixel.task;

import java.util.EnumSet;
import java.util.Set;
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

	/** What moderation records beside the new state. */
	private static final String CHECKED = "checks = CAST(? AS jsonb), image_phash = ?, image_colours = ?";

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
	 * GENERATED to APPROVED, with the automatic checks' findings (a held image is
	 * approved by a reviewer's {@link #decided}).
	 * @param checks every check's score and problems as JSON
	 * @param fingerprint the image's fingerprint, or null for an image that could not be
	 * read
	 */
	public boolean approved(long taskId, String checks, Fingerprint fingerprint) {
		return moveFrom(taskId, EnumSet.of(TaskState.GENERATED), TaskState.APPROVED, null, CHECKED, checks,
				hash(fingerprint), colours(fingerprint));
	}

	/** GENERATED to NEEDS_REVIEW: held for a person, for the reasons given. */
	public boolean heldForReview(long taskId, String reasons, String checks, Fingerprint fingerprint) {
		return moveFrom(taskId, EnumSet.of(TaskState.GENERATED), TaskState.NEEDS_REVIEW, reasons, CHECKED, checks,
				hash(fingerprint), colours(fingerprint));
	}

	/**
	 * What an image looks like, as moderation compares images for near copies
	 * ({@code render_task.image_phash} and {@code image_colours}).
	 *
	 * @param hash the 64-bit perceptual hash
	 * @param colours the mean colours of its grid
	 */
	public record Fingerprint(long hash, byte[] colours) {
	}

	private static Long hash(Fingerprint fingerprint) {
		return (fingerprint == null) ? null : fingerprint.hash();
	}

	private static byte[] colours(Fingerprint fingerprint) {
		return (fingerprint == null) ? null : fingerprint.colours();
	}

	/**
	 * PUBLISHED (or SKIPPED_CACHED, a reused image) to NEEDS_REVIEW: the merchant
	 * reported the image; a reviewer decides it again.
	 */
	public boolean reported(long taskId, String reason) {
		return moveFrom(taskId, EnumSet.of(TaskState.PUBLISHED, TaskState.SKIPPED_CACHED), TaskState.NEEDS_REVIEW,
				reason, "");
	}

	/**
	 * A reviewer's decision on a held image: NEEDS_REVIEW to APPROVED, REJECTED or
	 * REGENERATED, with the decision's reason (may be null). The checks' findings stay as
	 * moderation recorded them.
	 * @throws IllegalArgumentException for a state no decision leads to
	 */
	public boolean decided(long taskId, TaskState to, String reason) {
		return moveFrom(taskId, EnumSet.of(TaskState.NEEDS_REVIEW), to, reason, "");
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
		return moveFrom(taskId, to.allowedFrom(), to, reason, assignments, values);
	}

	/**
	 * The same, only from some of the states the table lets a task enter {@code to} from.
	 * @throws IllegalArgumentException for a state the table does not lead from
	 */
	private boolean moveFrom(long taskId, Set<TaskState> from, TaskState to, String reason, String assignments,
			Object... values) {
		if (from.isEmpty() || !to.allowedFrom().containsAll(from)) {
			throw new IllegalArgumentException("no task may move from " + from + " to " + to);
		}
		String sql = "UPDATE render_task SET state = ?, state_reason = ?, updated_at = now()"
				+ (assignments.isEmpty() ? "" : ", " + assignments) + " WHERE id = ? AND state IN ("
				+ from.stream().map((state) -> "'" + state.name() + "'").collect(Collectors.joining(", ")) + ")";
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

}
