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

	/**
	 * Moves the task to {@code to} with a reason (may be null), and sets any extra
	 * columns.
	 * @param assignments extra {@code column = ?} assignments, or an empty string
	 * @param values values for the extra assignments
	 * @return whether the task moved
	 */
	public boolean move(long taskId, TaskState to, String reason, String assignments, Object... values) {
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

	public boolean move(long taskId, TaskState to, String reason) {
		return move(taskId, to, reason, "");
	}

	private static String allowedFromList(TaskState to) {
		List<TaskState> from = List.copyOf(to.allowedFrom());
		if (from.isEmpty()) {
			throw new IllegalArgumentException("no task may move to " + to);
		}
		return from.stream().map((state) -> "'" + state.name() + "'").collect(Collectors.joining(", "));
	}

}
