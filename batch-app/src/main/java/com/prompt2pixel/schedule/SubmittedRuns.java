package com.prompt2pixel.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.prompt2pixel.run.RunStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's view of {@code generation_run}: only runs that were submitted, never
 * those the CLI runs in place.
 */
@Repository
class SubmittedRuns {

	private static final String COLUMNS = "r.id, r.status, r.priority, r.pool, r.expected_start";

	private final JdbcTemplate jdbc;

	SubmittedRuns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void markSubmitted(long id, RunPriority priority, String pool, RunStatus status, Instant expectedStart,
			Instant queuedAt) {
		this.jdbc.update("""
				UPDATE generation_run
				SET submitted = true, priority = ?, pool = ?, status = ?, expected_start = ?, queued_at = ?
				WHERE id = ?""", priority.name(), pool, status.name(), timestamp(expectedStart), timestamp(queuedAt),
				id);
	}

	/**
	 * Runs that may start, in the order they should: on-demand before batch; within a
	 * lane, paid plans before free ones, except that a run queued for longer than
	 * {@code aging} counts as paid (so no free run starves); then the longest queued.
	 */
	List<SubmittedRun> waiting(Instant now, Duration aging) {
		return this.jdbc.query("SELECT " + COLUMNS + """
				 FROM generation_run r JOIN merchant m ON m.id = r.merchant_id
				WHERE r.submitted AND r.status IN ('QUEUED', 'WAITING_WINDOW', 'STOPPED')
				ORDER BY r.priority = 'ON_DEMAND' DESC, (m.plan = 'PAID' OR r.queued_at <= ?) DESC, r.queued_at, r.id
				""", SubmittedRuns::map, timestamp(now.minus(aging)));
	}

	List<SubmittedRun> runningBatch() {
		return this.jdbc.query("SELECT " + COLUMNS
				+ " FROM generation_run r WHERE submitted AND status = 'RUNNING' AND priority = 'BATCH' ORDER BY id",
				SubmittedRuns::map);
	}

	Optional<SubmittedRun> find(long id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM generation_run r WHERE submitted AND id = ?", SubmittedRuns::map, id)
			.stream()
			.findFirst();
	}

	/**
	 * Takes a waiting run for this node: only one dispatcher can move it out of the state
	 * it was read in.
	 */
	boolean claim(SubmittedRun run, String nodeId) {
		return this.jdbc.update("""
				UPDATE generation_run SET status = 'RUNNING', expected_start = NULL, node_id = ?
				WHERE id = ? AND status = ? AND submitted""", nodeId, run.id(), run.status()) == 1;
	}

	/**
	 * A run whose node died goes back to the queue as stopped: the next dispatch resumes
	 * it from its last committed chunk.
	 */
	void requeueOrphan(long runId, String adoptedBy) {
		this.jdbc.update("""
				UPDATE generation_run SET status = 'STOPPED'
				WHERE id = ? AND node_id = ? AND submitted AND status IN ('RUNNING', 'STOPPING')""", runId, adoptedBy);
	}

	/**
	 * A run that failed only because a worker died with one of its partitions, while its
	 * manager was shutting down: it goes back to the queue as stopped, for another
	 * manager to restart.
	 */
	void requeueAfterLoss(long runId) {
		this.jdbc.update("""
				UPDATE generation_run SET status = 'STOPPED', failure = NULL
				WHERE id = ? AND submitted AND status = 'FAILED'""", runId);
	}

	/** A queued run now waits for its window; a stopped one keeps its state. */
	void expect(SubmittedRun run, Instant expectedStart) {
		this.jdbc.update("""
				UPDATE generation_run
				SET status = CASE WHEN status = 'QUEUED' THEN 'WAITING_WINDOW' ELSE status END, expected_start = ?
				WHERE id = ? AND status = ?""", timestamp(expectedStart), run.id(), run.status());
	}

	private static SubmittedRun map(ResultSet rs, int row) throws SQLException {
		Timestamp expected = rs.getTimestamp("expected_start");
		return new SubmittedRun(rs.getLong("id"), rs.getString("status"), RunPriority.valueOf(rs.getString("priority")),
				rs.getString("pool"), (expected != null) ? expected.toInstant() : null);
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
