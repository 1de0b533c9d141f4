package com.prompt2pixel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL this process uses: either its own server, which it stops at the
 * end, or the running server of another prompt2pixel process on the same data folder (a
 * one-shot command beside {@code serve}), which it only connects to. Its own server is
 * watched: when the server's process dies, it is started again on the same folder and
 * port, so the connection pool reconnects and the application recovers without a restart
 * of its own.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/**
	 * The role the application connects as: the schema's owner, no superuser (the
	 * superuser {@code postgres} is left to the operator, with the same password).
	 */
	static final String ROLE = "prompt2pixel";

	/**
	 * How long a dead server is tried again (its backends may hold its memory a while).
	 */
	private static final Duration RESTART_FOR = Duration.ofMinutes(1);

	private volatile EmbeddedPostgres server;

	private final int port;

	/** The server's data folder; null when shared. */
	private final Path folder;

	/** Starts the server again on the same folder and port; null when shared. */
	private final Restart restart;

	private volatile boolean closing;

	/** Starts an owned server again. */
	@FunctionalInterface
	interface Restart {

		EmbeddedPostgres start(int port) throws IOException;

	}

	private EmbeddedDatabase(EmbeddedPostgres server, int port, Path folder, Restart restart) {
		this.server = server;
		this.port = port;
		this.folder = folder;
		this.restart = restart;
	}

	static EmbeddedDatabase owned(EmbeddedPostgres server, Path folder, Restart restart) {
		EmbeddedDatabase database = new EmbeddedDatabase(server, server.getPort(), folder, restart);
		database.watch(server);
		return database;
	}

	static EmbeddedDatabase shared(int port) {
		return new EmbeddedDatabase(null, port, null, null);
	}

	/**
	 * Whether the database is this process's alone: then nothing another process wrote
	 * can be running (an execution left RUNNING was abandoned by a dead process).
	 */
	public boolean exclusive() {
		return this.restart != null;
	}

	/** This process's own server; null when it shares another's. */
	EmbeddedPostgres server() {
		return this.server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres?user=" + ROLE;
	}

	/**
	 * Watches the postmaster, whose pid its data folder records (the embedded library's
	 * own process handle is {@code pg_ctl}'s, which ends once the server is up).
	 */
	private void watch(EmbeddedPostgres watched) {
		// the restart, which may wait a while, on a thread of its own, not the JDK's
		// process reaper's
		postmaster(this.folder).ifPresentOrElse((postmaster) -> postmaster.onExit().thenRun(() -> {
			Thread restarting = new Thread(() -> restartAfter(watched), "embedded-postgres-restart");
			restarting.setDaemon(true);
			restarting.start();
		}), () -> log.warn("The embedded PostgreSQL's postmaster.pid cannot be read; it is not watched"));
	}

	/** The running server's postmaster, by the pid on the first line of its pid file. */
	static Optional<ProcessHandle> postmaster(Path folder) {
		try {
			List<String> lines = Files.readAllLines(folder.resolve("postmaster.pid"));
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The server died (killed, out of memory): the folder's lock is let go and the server
	 * started again, retried with a growing wait while its last backends still hold its
	 * shared memory.
	 */
	private void restartAfter(EmbeddedPostgres dead) {
		if (this.closing) {
			return;
		}
		log.error("The embedded PostgreSQL (port {}) stopped unexpectedly; starting it again", this.port);
		try {
			dead.close();
		}
		catch (IOException | RuntimeException ex) {
			// it is gone already; what matters is that its lock on the folder is let go
		}
		long deadline = System.nanoTime() + RESTART_FOR.toNanos();
		long wait = 250;
		while (!this.closing) {
			try {
				EmbeddedPostgres started = this.restart.start(this.port);
				this.server = started;
				watch(started);
				log.info("The embedded PostgreSQL runs again on port {}", this.port);
				return;
			}
			catch (IOException | RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					log.error("The embedded PostgreSQL could not be started again within {}: {}", RESTART_FOR,
							ex.getMessage());
					return;
				}
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				wait = Math.min(wait * 2, 5000);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closing = true;
		if (this.server != null) {
			this.server.close();
		}
	}

}
