package com.prompt2pixel.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What a probe as another local user of the machine found: the embedded database trusted
 * every local connection (superuser for anyone, {@code pg_read_file}, {@code COPY … TO
 * PROGRAM}) through a world-writable socket in {@code /tmp}, and ran without fsync.
 */
class EmbeddedDatabaseSecurityTest {

	@TempDir
	Path data;

	private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

	@Test
	void shouldAskEveryConnectionForThePasswordOnlyItsOwnerCanRead() throws Exception {
		Path dir = this.data.resolve("postgres");

		try (EmbeddedDatabase database = this.configuration
			.embeddedDatabase(new EmbeddedDatabaseProperties(dir, false))) {
			EmbeddedPostgres postgres = database.server();
			assertRefusedWithoutPassword(postgres.getPort());
			Path secret = this.data.resolve("postgres.password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
			try (Connection connection = connect(postgres.getPort(), Files.readString(secret).strip());
					Statement statement = connection.createStatement()) {
				assertThat(show(statement, "fsync")).isEqualTo("on");
				assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
				assertThat(show(statement, "full_page_writes")).isEqualTo("on");
				assertThat(show(statement, "unix_socket_directories")).as("no socket in /tmp").isEmpty();
			}
		}
	}

	@Test
	void shouldGiveAFolderThatTrustedEveryoneAPasswordAndKeepItsData() throws Exception {
		Path dir = this.data.resolve("postgres");
		try (EmbeddedPostgres trusting = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.start();
				Connection connection = trusting.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
		}

		try (EmbeddedDatabase database = this.configuration
			.embeddedDatabase(new EmbeddedDatabaseProperties(dir, false))) {
			EmbeddedPostgres postgres = database.server();
			assertRefusedWithoutPassword(postgres.getPort());
			try (Connection connection = connect(postgres.getPort(),
					Files.readString(this.data.resolve("postgres.password")).strip());
					Statement statement = connection.createStatement();
					ResultSet kept = statement.executeQuery("SELECT v FROM kept")) {
				assertThat(kept.next()).isTrue();
				assertThat(kept.getInt(1)).isEqualTo(42);
			}
		}
	}

	private static void assertRefusedWithoutPassword(int port) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, null).close())
			.withMessageContaining("password");
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, "guess").close())
			.withMessageContaining("password authentication failed");
	}

	/**
	 * The probe's last finding: a server that died stayed dead until the application was
	 * restarted.
	 */
	@Test
	void shouldStartTheServerAgainWhenItDiesKeepingItsData() throws Exception {
		Path dir = this.data.resolve("postgres");
		try (EmbeddedDatabase database = this.configuration
			.embeddedDatabase(new EmbeddedDatabaseProperties(dir, false))) {
			EmbeddedPostgres first = database.server();
			int port = first.getPort();
			String password = Files.readString(this.data.resolve("postgres.password")).strip();
			try (Connection connection = connect(port, password); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
			}

			ProcessHandle postmaster = EmbeddedDatabase.postmaster(dir).orElseThrow();
			postmaster.destroyForcibly();

			await("the server running again").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					try (Connection connection = connect(port, password);
							Statement statement = connection.createStatement();
							ResultSet kept = statement.executeQuery("SELECT v FROM kept")) {
						return kept.next() && kept.getInt(1) == 42;
					}
				});
			// the new server is taken once its start has returned
			await().atMost(Duration.ofSeconds(10)).until(() -> database.server() != first);
			assertThat(EmbeddedDatabase.postmaster(dir).orElseThrow().pid()).isNotEqualTo(postmaster.pid());
		}
	}

	/**
	 * The application connected as the superuser: an injected statement could read the
	 * server's files or run programs. Now it connects as a role that owns its schema and
	 * nothing more, also for a folder whose tables the superuser made.
	 */
	@Test
	void shouldConnectTheApplicationAsARoleThatOwnsItsSchemaAndIsNoSuperuser() throws Exception {
		Path dir = this.data.resolve("postgres");
		try (EmbeddedDatabase database = this.configuration
			.embeddedDatabase(new EmbeddedDatabaseProperties(dir, false))) {
			String password = Files.readString(this.data.resolve("postgres.password")).strip();
			// what an earlier version left: a table the superuser owns
			try (Connection superuser = connect(database.server().getPort(), password);
					Statement statement = superuser.createStatement()) {
				statement.execute(
						"CREATE TABLE earlier (id bigserial PRIMARY KEY, v int); INSERT INTO earlier (v) VALUES (7)");
			}
		}
		try (EmbeddedDatabase database = this.configuration
			.embeddedDatabase(new EmbeddedDatabaseProperties(dir, false))) {
			String password = Files.readString(this.data.resolve("postgres.password")).strip();
			try (Connection application = connect(database.server().getPort(), password, EmbeddedDatabase.ROLE);
					Statement statement = application.createStatement()) {
				assertThat(show(statement, "is_superuser")).isEqualTo("off");
				statement.execute("INSERT INTO earlier (v) VALUES (8); ALTER TABLE earlier ADD COLUMN w int");
				statement.execute("CREATE TABLE later (v int); DROP TABLE later");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("SELECT pg_read_file('/etc/passwd')"))
					.withMessageContaining("permission denied");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("COPY earlier TO PROGRAM 'id'"))
					.withMessageContaining("must be superuser");
			}
		}
	}

	private static Connection connect(int port, String password) throws SQLException {
		return connect(port, password, "postgres");
	}

	private static Connection connect(int port, String password, String user) throws SQLException {
		String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=" + user;
		return DriverManager.getConnection((password != null) ? url + "&password=" + password : url);
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

}
