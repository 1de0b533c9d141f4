package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
@Import(ScriptedGeneratorConfiguration.class)
public abstract class FunctionalTest {

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected ScriptedGenerator generator;

	/** Signs the Shopify webhooks the tests send. */
	protected static final String WEBHOOK_SECRET = "test-webhook-secret";

	/** Small, so that a test can go over it cheaply. */
	protected static final int UPLOAD_LIMIT_KB = 256;

	@DynamicPropertySource
	static void freshDataFolder(DynamicPropertyRegistry registry) {
		registry.add("p2p.shopify.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("p2p.shopify.poll-interval", () -> "20ms");
		registry.add("p2p.upload.max-size", () -> UPLOAD_LIMIT_KB + "KB");
		// the tests' photo servers listen on the loopback: admitted by that name alone,
		// so
		// that 127.0.0.1 stays refused as any local address is
		registry.add("p2p.photos.allowed-hosts", () -> "localhost");
		registry.add("p2p.data-dir", () -> {
			try {
				return Files.createTempDirectory("p2p-test-data").toString();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
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
