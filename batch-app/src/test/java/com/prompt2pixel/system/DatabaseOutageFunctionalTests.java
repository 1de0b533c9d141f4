package com.prompt2pixel.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.prompt2pixel.security.ApiKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a probe found with the database stopped under a running {@code serve}: health
 * turned DOWN only after 30 s, readiness stayed UP, and every call hung 30 s. The
 * database here is a server the test starts, stops and starts again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageFunctionalTests {

	private static final Path SERVER_DATA = temporaryFolder("p2p-outage-server");

	private static final int SERVER_PORT = freePort();

	private static EmbeddedPostgres server = startServer();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeys keys;

	private String key;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + SERVER_PORT + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("p2p.data-dir", () -> temporaryFolder("p2p-outage-data").toString());
		// no node of the cluster: nothing polls the database on its own meanwhile
		registry.add("p2p.schedule.dispatch", () -> "false");
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
	}

	@Test
	void shouldAnswerQuicklyWhileTheDatabaseIsAwayAndRecoverWhenItIsBack() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		this.key = this.keys.create("outage", "test").secret();

		server.close();

		long started = System.nanoTime();
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		HttpResponse<String> run = get("/api/v1/runs/1");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(readiness.statusCode()).as("not ready without its database").isEqualTo(503);
		assertThat(run.statusCode()).isEqualTo(503);
		assertThat(run.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(run.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(run.body()).contains("the database is not reachable").doesNotContain("Exception");
		assertThat(took).as("three calls, each within the pool's few seconds").isLessThan(Duration.ofSeconds(15));

		server = startServer();

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/actuator/health/readiness").statusCode() == 200);
		assertThat(get("/api/v1/runs/987654").statusCode()).as("served again, without a restart").isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(40));
		if (this.key != null) {
			request.header("Authorization", "Bearer " + this.key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static EmbeddedPostgres startServer() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(SERVER_DATA)
				.setCleanDataDirectory(false)
				.setPort(SERVER_PORT)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryFolder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
