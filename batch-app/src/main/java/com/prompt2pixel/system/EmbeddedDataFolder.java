package com.prompt2pixel.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's data folder, made ready for a new server. The owning process
 * holds the lock file {@code epg-lock} while it runs. When that lock is free but
 * {@code postmaster.pid} names a live postgres, the process that started it was killed
 * without shutting it down (kill -9, an out-of-memory kill): that orphan is stopped so
 * the new server can start on the same data. When the lock is held, another live process
 * owns the server: a one-shot command may share it once it is ready (its port is in
 * {@code postmaster.pid}), anything else is refused.
 */
final class EmbeddedDataFolder {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDataFolder.class);

	private static final String LOCK_FILE = "epg-lock";

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private EmbeddedDataFolder() {
	}

	/**
	 * Makes the folder ready for a server of this process.
	 * @throws EnvironmentProblem when another live process owns the folder, or an
	 * orphaned server does not stop
	 */
	static void prepare(Path dir) {
		prepare(dir, false);
	}

	/**
	 * Makes the folder ready for a server of this process, or finds the server another
	 * live process runs on it.
	 * @param share whether this process may use another's running server
	 * @return the port of that server when this process is to share it; empty when this
	 * process is to start its own
	 * @throws EnvironmentProblem when another live process owns the folder and its server
	 * is not there to share (or sharing is not allowed), or an orphaned server does not
	 * stop
	 */
	static OptionalInt prepare(Path dir, boolean share) {
		Path lockFile = dir.resolve(LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return OptionalInt.empty();
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				OptionalInt port = share ? readyServerPort(dir) : OptionalInt.empty();
				if (port.isEmpty()) {
					throw inUse(dir);
				}
				return port;
			}
			liveServer(dir).ifPresent((server) -> stop(server, dir));
			return OptionalInt.empty();
		}
		catch (OverlappingFileLockException ex) {
			throw inUse(dir);
		}
		catch (IOException ex) {
			throw new EnvironmentProblem("cannot check the embedded PostgreSQL folder " + dir + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The port of the live server on the folder once it accepts connections (line 8 of
	 * {@code postmaster.pid} says {@code ready}; line 4 is the port).
	 */
	private static OptionalInt readyServerPort(Path dir) throws IOException {
		if (liveServer(dir).isEmpty()) {
			return OptionalInt.empty();
		}
		List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
		if (lines.size() < 8 || !lines.get(7).strip().equals("ready") || !lines.get(3).strip().matches("\\d{1,5}")) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
	}

	/** The live PostgreSQL whose pid the folder records, if any. */
	private static Optional<ProcessHandle> liveServer(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
		if (!firstLine.matches("\\d+")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(firstLine))
			.filter(ProcessHandle::isAlive)
			.filter((
					process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false));
	}

	private static void stop(ProcessHandle server, Path dir) {
		log.warn("Stopping PostgreSQL {} left running on {} by a process that was killed", server.pid(), dir);
		server.destroy();
		Instant deadline = Instant.now().plus(ORPHAN_STOP_TIMEOUT);
		while (server.isAlive() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (server.isAlive()) {
			throw new EnvironmentProblem("an orphaned PostgreSQL (pid " + server.pid() + ") still runs on " + dir
					+ " after " + ORPHAN_STOP_TIMEOUT.toSeconds() + "s; stop it, then try again");
		}
	}

	private static EnvironmentProblem inUse(Path dir) {
		return new EnvironmentProblem("the embedded PostgreSQL in " + dir
				+ " is in use by another prompt2pixel process; wait for it to finish, or point P2P_DATA_DIR at another folder");
	}

}
