package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.prompt2pixel.security.ApiKeys;
import com.prompt2pixel.security.StaffAccounts;
import com.prompt2pixel.security.StaffRole;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the functional tests: the whole application, web server included, on an
 * embedded PostgreSQL in a fresh temporary data folder, with a {@link ScriptedGenerator}
 * in place of the plain compositor. Every test class shares one application; tests keep
 * apart by using their own runs and merchants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ScriptedGeneratorConfiguration.class, LeakWatchConfiguration.class })
public abstract class FunctionalTest {

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected ScriptedGenerator generator;

	@Autowired
	private ApiKeys apiKeys;

	@Autowired
	private StaffAccounts staffAccounts;

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	/** The password of the staff accounts {@link #staff} makes. */
	protected static final String STAFF_PASSWORD = "correct-horse-battery";

	/** Signs the Shopify webhooks the tests send. */
	protected static final String WEBHOOK_SECRET = "test-webhook-secret";

	/** Small, so that a test can go over it cheaply. */
	protected static final int UPLOAD_LIMIT_KB = 256;

	/** Each merchant's room for uploads: more than any test's merchant uploads. */
	protected static final int UPLOAD_QUOTA_MB = 4;

	/** The SFTP inbox's server, one for every test of the JVM. */
	protected static final SftpFake SFTP = new SftpFake();

	@DynamicPropertySource
	static void freshDataFolder(DynamicPropertyRegistry registry) {
		registry.add("p2p.inbox.sftp.host", () -> "localhost");
		registry.add("p2p.inbox.sftp.port", SFTP::port);
		registry.add("p2p.inbox.sftp.username", () -> SftpFake.USER);
		registry.add("p2p.inbox.sftp.password", () -> SftpFake.PASSWORD);
		registry.add("p2p.inbox.sftp.known-hosts-file", () -> SFTP.knownHosts().toString());
		registry.add("p2p.inbox.sftp.delay", () -> "300ms");
		// a folder of its own for each application context the tests start, so that no
		// two contexts' routes take the same file
		registry.add("p2p.inbox.sftp.directory", () -> "inbox-" + UUID.randomUUID());
		LeakWatch.secret(SftpFake.PASSWORD);
		registry.add("p2p.shopify.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("p2p.shopify.poll-interval", () -> "20ms");
		registry.add("p2p.upload.max-size", () -> UPLOAD_LIMIT_KB + "KB");
		registry.add("p2p.upload.quota", () -> UPLOAD_QUOTA_MB + "MB");
		// the tests' photo servers listen on the loopback: admitted by that name alone,
		// so
		// that 127.0.0.1 stays refused as any local address is
		registry.add("p2p.photos.allowed-hosts", () -> "localhost");
		// the tests' webhook receivers too, over plain HTTP, and retried at once
		registry.add("p2p.webhooks.allowed-hosts", () -> "localhost");
		registry.add("p2p.webhooks.require-https", () -> "false");
		registry.add("p2p.webhooks.first-backoff", () -> "200ms");
		// the tests' S3 server (s3proxy) as an S3-compatible store is reached
		registry.add("p2p.publish.s3.path-style", () -> "true");
		registry.add("p2p.publish.s3.checksum", () -> "when-required");
		registry.add("p2p.publish.s3.allowed-endpoint-hosts", () -> "localhost,127.0.0.0/8");
		// runs started over the API publish into the test's own folder, not the
		// working tree
		LeakWatch.secret(STAFF_PASSWORD);
		LeakWatch.secret(WEBHOOK_SECRET);
		registry.add("p2p.out-dir", () -> {
			try {
				return watched(Files.createTempDirectory("p2p-test-out").toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		registry.add("p2p.data-dir", () -> {
			try {
				return watched(Files.createTempDirectory("p2p-test-data").toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** A folder of the server's that no response may name. */
	private static String watched(String folder) {
		LeakWatch.folder(folder);
		return folder;
	}

	/** A valid API key of the merchant (the same one for the whole test class). */
	protected String apiKey(String merchant) {
		return this.keys.computeIfAbsent(merchant, (id) -> {
			String key = this.apiKeys.create(id, "test").secret();
			LeakWatch.secret(key);
			return key;
		});
	}

	/** {@code Authorization: Bearer …} of the merchant's key. */
	protected String bearer(String merchant) {
		return "Bearer " + apiKey(merchant);
	}

	/**
	 * A new staff account of the role, with {@link #STAFF_PASSWORD}; its address.
	 */
	protected String staff(StaffRole role) {
		String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@staff.example";
		this.staffAccounts.add(email, role, STAFF_PASSWORD);
		return email;
	}

	/** {@code Authorization: Basic …} of a new staff account of the role. */
	protected String basic(StaffRole role) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((staff(role) + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void resetGenerator() {
		this.generator.reset();
	}

	/**
	 * Runs other tests left queued on the cluster are marked failed, so that a test that
	 * drives the dispatcher sees only its own.
	 */
	protected void retireSubmittedRuns() {
		this.jdbc.update("""
				UPDATE generation_run SET status = 'FAILED', failure = 'retired by a test'
				WHERE submitted AND status IN ('QUEUED', 'WAITING_WINDOW', 'STOPPED')""");
	}

}
