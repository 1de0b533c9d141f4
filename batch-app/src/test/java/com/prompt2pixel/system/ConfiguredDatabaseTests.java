package com.prompt2pixel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, the application uses that server: it starts no
 * embedded PostgreSQL and Flyway migrates the configured database. The "server" here is a
 * PostgreSQL the test starts itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConfiguredDatabaseTests {

	private static final Path DATA_DIR = temporaryFolder("p2p-data");

	private static final EmbeddedPostgres SERVER = startServer();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${p2p.data-dir}")
	Path dataDir;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> SERVER.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("p2p.data-dir", DATA_DIR::toString);
	}

	@AfterAll
	static void stopServer() throws IOException {
		SERVER.close();
	}

	@Test
	void shouldUseTheConfiguredServerAndStartNoEmbeddedDatabase() throws Exception {
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
		assertThat(this.dataDir.resolve("postgres")).doesNotExist();
		try (var connection = SERVER.getPostgresDatabase().getConnection();
				var result = connection.createStatement()
					.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
			result.next();
			assertThat(result.getInt(1)).as("migrations applied to the configured server")
				.isEqualTo(
						new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length);
		}
		assertThat(this.jdbc.queryForObject("SELECT inet_server_port()", Integer.class)).isEqualTo(SERVER.getPort());
	}

	private static EmbeddedPostgres startServer() {
		try {
			return EmbeddedPostgres.builder().setDataDirectory(temporaryFolder("p2p-server")).start();
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
