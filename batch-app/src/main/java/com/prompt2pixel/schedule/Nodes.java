package com.prompt2pixel.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code node} table: the manager and worker processes of the cluster, and their
 * heartbeats. Liveness is judged on the database's clock, the one all nodes share.
 */
@Repository
class Nodes {

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
	 * Runs held by nodes that stopped, or have not heartbeated for {@code deadAfter}:
	 * their process is gone (or cut off) and will not finish them.
	 */
	List<Orphan> orphanedRuns(Duration deadAfter) {
		return this.jdbc.query("""
				SELECT r.id, r.node_id FROM generation_run r JOIN node n ON n.id = r.node_id
				WHERE r.submitted AND r.status IN ('RUNNING', 'STOPPING')
				  AND (n.stopped_at IS NOT NULL OR n.heartbeat_at < now() - make_interval(secs => ?))
				ORDER BY r.id""", (rs, row) -> new Orphan(rs.getLong(1), rs.getString(2)),
				deadAfter.toMillis() / 1000.0);
	}

	/**
	 * Takes an orphaned run over from its dead node: only one live node can, and while it
	 * recovers the run no other node can claim it.
	 */
	boolean adopt(Orphan orphan, String nodeId) {
		return this.jdbc.update("""
				UPDATE generation_run SET node_id = ?
				WHERE id = ? AND node_id = ? AND status IN ('RUNNING', 'STOPPING')""", nodeId, orphan.runId(),
				orphan.nodeId()) == 1;
	}

	/** A run and the dead node that held it. */
	record Orphan(long runId, String nodeId) {
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
