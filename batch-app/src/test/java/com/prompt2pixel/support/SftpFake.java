package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on the loopback, over a folder: one account with
 * a password, and the server's host key in a known_hosts file for the client to check.
 */
public final class SftpFake implements AutoCloseable {

	public static final String USER = "erp-feeds";

	public static final String PASSWORD = "sftp-test-password";

	private final SshServer server;

	private final Path root;

	private final Path knownHosts;

	public SftpFake() {
		try {
			this.root = Files.createTempDirectory("sftp-root");
			Path keys = Files.createTempDirectory("sftp-keys");
			this.server = SshServer.setUpDefaultServer();
			this.server.setHost("localhost");
			this.server.setPort(0);
			SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(keys.resolve("host.ser"));
			this.server.setKeyPairProvider(hostKey);
			this.server
				.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
			this.server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
			this.server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
			this.server.start();
			KeyPair key = hostKey.loadKeys(null).iterator().next();
			this.knownHosts = Files.writeString(keys.resolve("known_hosts"),
					"[localhost]:" + port() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start the test SFTP server", ex);
		}
	}

	public int port() {
		return this.server.getPort();
	}

	/** The account's home, which the server shows as {@code /}. */
	public Path root() {
		return this.root;
	}

	public Path knownHosts() {
		return this.knownHosts;
	}

	@Override
	public void close() {
		try {
			this.server.stop(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
