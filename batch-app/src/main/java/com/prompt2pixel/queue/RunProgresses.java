package com.prompt2pixel.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.run.RunStatus;
import com.prompt2pixel.task.TaskState;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a run's progress: its state, its tasks per state and, while it runs, an ETA at
 * the pace it has kept since it first started (rough: the time spent importing and
 * expanding counts as rendering time).
 */
@Component
public class RunProgresses {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RunProgresses(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<RunProgress> find(long runId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT status, priority, pool, submitted, expected_start, started_at, failure
				FROM generation_run WHERE id = ?""", runId);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = rows.get(0);
		Map<String, Long> tasks = new LinkedHashMap<>();
		for (TaskState state : TaskState.values()) {
			tasks.put(state.name(), 0L);
		}
		this.jdbc.query("SELECT state, count(*) AS n FROM render_task WHERE run_id = ? GROUP BY state", (rs) -> {
			tasks.put(rs.getString("state"), rs.getLong("n"));
		}, runId);
		long total = tasks.values().stream().mapToLong(Long::longValue).sum();
		Long published = this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM render_task t
						WHERE t.run_id = ? AND EXISTS (SELECT 1 FROM publication p WHERE p.task_id = t.id AND p.destination = 'FOLDER'
						                                       AND p.status = 'PUBLISHED')""",
				Long.class, runId);
		long pending = tasks.get(TaskState.PENDING.name());
		String status = (String) row.get("status");
		Instant eta = null;
		Timestamp started = (Timestamp) row.get("started_at");
		if (RunStatus.RUNNING.is(status) && started != null && pending < total) {
			Instant now = this.clock.instant();
			Duration spent = Duration.between(started.toInstant(), now);
			eta = now.plus(spent.multipliedBy(pending).dividedBy(total - pending));
		}
		Timestamp expected = (Timestamp) row.get("expected_start");
		return Optional.of(new RunProgress(runId, status,
				((String) row.get("priority")).toLowerCase(Locale.ROOT).replace('_', '-'), (String) row.get("pool"),
				(Boolean) row.get("submitted"), (expected != null) ? expected.toInstant() : null, tasks, total, pending,
				published, eta, (String) row.get("failure")));
	}

}
