package com.prompt2pixel.system;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL this process uses: either its own server, which it stops at the
 * end, or the running server of another prompt2pixel process on the same data folder (a
 * one-shot command beside {@code serve}), which it only connects to.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres server;

	private final int port;

	private EmbeddedDatabase(EmbeddedPostgres server, int port) {
		this.server = server;
		this.port = port;
	}

	static EmbeddedDatabase owned(EmbeddedPostgres server) {
		return new EmbeddedDatabase(server, server.getPort());
	}

	static EmbeddedDatabase shared(int port) {
		return new EmbeddedDatabase(null, port);
	}

	/**
	 * Whether the database is this process's alone: then nothing another process wrote
	 * can be running (an execution left RUNNING was abandoned by a dead process).
	 */
	public boolean exclusive() {
		return this.server != null;
	}

	/** This process's own server; null when it shares another's. */
	EmbeddedPostgres server() {
		return this.server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres?user=postgres";
	}

	@Override
	public void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

}
