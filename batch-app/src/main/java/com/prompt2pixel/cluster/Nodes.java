package com.prompt2pixel.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code node} table: the manager and worker processes of the cluster, and their
 * heartbeats. Liveness is judged on the database's clock, the one all nodes share.
 */
@Repository
public class Nodes {

	private final JdbcTemplate jdbc;

	Nodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Registers this process; returns its node id. */
	String register(String role) {
		String id = UUID.randomUUID().toString();
		this.jdbc.update("INSERT INTO node (id, role, host, pid) VALUES (?, ?, ?, ?)", id, role, host(),
				ProcessHandle.current().pid());
		return id;
	}

	void heartbeat(String id) {
		this.jdbc.update("UPDATE node SET heartbeat_at = now() WHERE id = ?", id);
	}

	void draining(String id) {
		this.jdbc.update("UPDATE node SET draining = true WHERE id = ?", id);
	}

	void stopped(String id) {
		this.jdbc.update("UPDATE node SET stopped_at = now() WHERE id = ?", id);
	}

	/**
	 * The nodes that have not stopped and heartbeated within {@code deadAfter}, managers
	 * first, with the runs and generate partitions each is executing.
	 */
	public List<LiveNode> live(Duration deadAfter) {
		return this.jdbc.query(
				"""
						SELECT n.id, n.role, n.host, n.pid, n.started_at, n.heartbeat_at, n.draining,
						       (SELECT count(*) FROM generation_run r WHERE r.node_id = n.id AND r.status IN ('RUNNING', 'STOPPING')) AS runs,
						       (SELECT count(*) FROM generate_partition p JOIN batch_step_execution s
						          ON s.step_execution_id = p.step_execution_id
						        WHERE p.node_id = n.id AND s.status IN ('STARTING', 'STARTED', 'STOPPING')) AS partitions
						FROM node n
						WHERE n.stopped_at IS NULL AND n.heartbeat_at >= now() - make_interval(secs => ?)
						ORDER BY n.role, n.started_at""",
				(rs, row) -> new LiveNode(rs.getString("id"), rs.getString("role"), rs.getString("host"),
						rs.getLong("pid"), rs.getTimestamp("started_at").toInstant(),
						rs.getTimestamp("heartbeat_at").toInstant(), rs.getBoolean("draining"), rs.getLong("runs"),
						rs.getLong("partitions")),
				deadAfter.toMillis() / 1000.0);
	}

	/**
	 * A node that is alive.
	 *
	 * @param role {@code manager} or {@code worker}
	 * @param runs submitted runs it executes
	 * @param partitions generate partitions it executes
	 */
	public record LiveNode(String id, String role, String host, long pid, Instant startedAt, Instant heartbeatAt,
			boolean draining, long runs, long partitions) {
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
