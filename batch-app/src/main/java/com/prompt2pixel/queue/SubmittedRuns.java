package com.prompt2pixel.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.prompt2pixel.run.RunPriority;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's view of {@code generation_run}, read only (the run repository writes
 * it): only runs that were submitted, never those the CLI runs in place.
 */
@Repository
class SubmittedRuns {

	private static final String COLUMNS = "r.id, r.status, r.priority, r.pool, r.expected_start";

	private final JdbcTemplate jdbc;

	SubmittedRuns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs that may start, in the order they should: on-demand before batch; within a
	 * lane, runs staff raised first (the latest raised first); then paid plans before
	 * free ones, except that a run queued for longer than {@code aging} counts as paid
	 * (so no free run starves); then the longest queued.
	 */
	List<SubmittedRun> waiting(Instant now, Duration aging) {
		return this.jdbc.query(
				"SELECT " + COLUMNS
						+ """
								 FROM generation_run r JOIN merchant m ON m.id = r.merchant_id
								WHERE r.submitted AND r.status IN ('QUEUED', 'WAITING_WINDOW', 'STOPPED') AND r.hold IS NULL
								ORDER BY r.priority = 'ON_DEMAND' DESC, r.raised_at DESC NULLS LAST, (m.plan = 'PAID' OR r.queued_at <= ?) DESC, r.queued_at, r.id
								""",
				SubmittedRuns::map, timestamp(now.minus(aging)));
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
	 * Runs held by nodes that stopped, or have not heartbeated for {@code deadAfter}:
	 * their process is gone (or cut off) and will not finish them.
	 */
	List<Orphan> orphaned(Duration deadAfter) {
		return this.jdbc.query("""
				SELECT r.id, r.node_id FROM generation_run r JOIN node n ON n.id = r.node_id
				WHERE r.submitted AND r.status IN ('RUNNING', 'STOPPING')
				  AND (n.stopped_at IS NOT NULL OR n.heartbeat_at < now() - make_interval(secs => ?))
				ORDER BY r.id""", (rs, row) -> new Orphan(rs.getLong(1), rs.getString(2)),
				deadAfter.toMillis() / 1000.0);
	}

	/** A run and the dead node that held it. */
	record Orphan(long runId, String nodeId) {
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
