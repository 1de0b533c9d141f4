package com.prompt2pixel.generate;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code generate_partition} table: which worker node took which partition of a run's
 * generate step, and which partitions were lost with their node. Liveness is judged on
 * the database's clock, as in {@link Nodes}.
 */
@Repository
public class GeneratePartitions {

	private final JdbcTemplate jdbc;

	GeneratePartitions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Worker nodes that heartbeat and are not draining. */
	int liveWorkers(Duration deadAfter) {
		Integer count = this.jdbc.queryForObject("""
				SELECT count(*) FROM node
				WHERE role = 'worker' AND stopped_at IS NULL AND NOT draining
				  AND heartbeat_at >= now() - make_interval(secs => ?)""", Integer.class, seconds(deadAfter));
		return (count != null) ? count : 0;
	}

	/**
	 * Records that a node took a partition; in the transaction that takes its request.
	 */
	void taken(long stepExecutionId, long runId, String nodeId) {
		this.jdbc.update("INSERT INTO generate_partition (step_execution_id, run_id, node_id) VALUES (?, ?, ?)",
				stepExecutionId, runId, nodeId);
	}

	/**
	 * Partitions still marked running whose node stopped, or has not heartbeated for
	 * {@code deadAfter}: nobody will finish them.
	 */
	List<Lost> lost(Duration deadAfter) {
		return this.jdbc.query("""
				SELECT p.step_execution_id, p.run_id, p.node_id FROM generate_partition p
				JOIN batch_step_execution s ON s.step_execution_id = p.step_execution_id
				JOIN node n ON n.id = p.node_id
				WHERE p.lost_at IS NULL AND s.status IN ('STARTING', 'STARTED', 'STOPPING')
				  AND (n.stopped_at IS NOT NULL OR n.heartbeat_at < now() - make_interval(secs => ?))
				ORDER BY p.step_execution_id""", (rs, row) -> new Lost(rs.getLong(1), rs.getLong(2), rs.getString(3)),
				seconds(deadAfter));
	}

	/**
	 * Claims the recovery of a lost partition: only one manager gets true, so it is
	 * recovered once.
	 */
	boolean markLost(Lost partition) {
		return this.jdbc.update(
				"UPDATE generate_partition SET lost_at = now() WHERE step_execution_id = ? " + "AND lost_at IS NULL",
				partition.stepExecutionId()) == 1;
	}

	/**
	 * Whether the run lost a partition with its node since the last time this was asked:
	 * its manager then restarts it at once.
	 */
	public boolean takeLoss(long runId) {
		return this.jdbc.update("UPDATE generate_partition SET restarted = true WHERE run_id = ? "
				+ "AND lost_at IS NOT NULL AND NOT restarted", runId) > 0;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** A partition (its step execution) and the dead node that had taken it. */
	record Lost(long stepExecutionId, long runId, String nodeId) {
	}

}
