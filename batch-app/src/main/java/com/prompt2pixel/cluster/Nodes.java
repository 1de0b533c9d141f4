package com.prompt2pixel.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
