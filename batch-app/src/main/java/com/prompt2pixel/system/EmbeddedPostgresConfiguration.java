package com.prompt2pixel.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, starts a real PostgreSQL from the binaries on the
 * classpath, with its data under {@code p2p.database.embedded.dir}, and points the
 * application's DataSource at it. With {@code spring.datasource.url} set, none of this
 * exists and Boot's own DataSource configuration applies.
 *
 * <p>
 * The server is private and durable: every connection must give the password of
 * {@link EmbeddedDatabaseSecret} (SCRAM; the server listens on localhost only and has no
 * Unix socket, which would otherwise sit world-writable in {@code /tmp}), and it runs
 * with {@code fsync}, full page writes and synchronous commit on (the embedded library
 * turns them off, a test database's settings). A folder made by an earlier version, which
 * trusted every local connection, gets the password and SCRAM at its first start.
 *
 * <p>
 * While another prompt2pixel process (typically {@code serve}) runs the server on the
 * folder, a one-shot command ({@code p2p.database.embedded.share-running}) connects to
 * that server with the same password instead of being refused; it then treats the
 * database as shared, as it would a configured server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	static final String HBA = """
			# written by prompt2pixel: a password (SCRAM) for every connection
			local   all   all                 scram-sha-256
			host    all   all   127.0.0.1/32  scram-sha-256
			host    all   all   ::1/128       scram-sha-256
			""";

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
		Path dir = properties.dir().toAbsolutePath().normalize();
		Files.createDirectories(dir);
		OptionalInt running = EmbeddedDataFolder.prepare(dir, properties.shareRunning());
		if (running.isPresent()) {
			log.info("The embedded PostgreSQL in {} is another prompt2pixel process's (port {}): this command uses it",
					dir, running.getAsInt());
			return EmbeddedDatabase.shared(running.getAsInt());
		}
		Path secretFile = EmbeddedDatabaseSecret.fileFor(dir);
		String password = EmbeddedDatabaseSecret.readOrCreate(secretFile);
		boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
		EmbeddedPostgres.Builder builder = builder(dir, password);
		if (fresh) {
			// initdb sets the superuser's password and SCRAM: never a moment of trust;
			// our
			// own pg_hba.conf then marks the folder as done before the server first
			// starts
			builder.setLocaleConfig("auth", "scram-sha-256")
				.setLocaleConfig("pwfile", secretFile.toString())
				.setDataDirectoryCustomizer((folder) -> writeHba(folder.toPath()));
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (IOException | IllegalStateException ex) {
			throw new EnvironmentProblem("cannot start the embedded PostgreSQL in " + dir + ": " + ex.getMessage(), ex);
		}
		requirePassword(postgres, dir, password);
		applicationRole(postgres, password);
		return EmbeddedDatabase.owned(postgres, dir, (port) -> builder(dir, password).setPort(port).start());
	}

	/** The server on the folder, private and durable (see above). */
	private static EmbeddedPostgres.Builder builder(Path dir, String password) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// the application context closes it; a second hook could print after the
			// CLI's summary
			.setRegisterShutdownHook(false)
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", password);
	}

	/**
	 * A folder whose server still trusts local connections (made before passwords) gets
	 * the password and SCRAM now.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path dir, String password) throws IOException {
		Path hba = dir.resolve("pg_hba.conf");
		if (Files.readString(hba).equals(HBA)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SET password_encryption = 'scram-sha-256'");
			statement.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
			writeHba(dir);
			statement.execute("SELECT pg_reload_conf()");
			log.info("The embedded PostgreSQL in {} now asks every connection for its password ({})", dir,
					EmbeddedDatabaseSecret.fileFor(dir));
		}
		catch (SQLException ex) {
			throw new EnvironmentProblem(
					"cannot give the embedded PostgreSQL in " + dir + " a password: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The role the application connects as, with the folder's password: no superuser (so
	 * no {@code pg_read_file}, no {@code COPY … TO PROGRAM}, no other role's rights, what
	 * an injected statement could otherwise reach), but the owner of the schema and of
	 * every table, view and sequence in it, those an earlier version made as the
	 * superuser included. Made, and kept in step with the password, at every start of an
	 * owned server.
	 */
	private static void applicationRole(EmbeddedPostgres postgres, String password) {
		String quoted = "'" + password.replace("'", "''") + "'";
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SET password_encryption = 'scram-sha-256'");
			boolean exists;
			try (ResultSet role = statement
				.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + EmbeddedDatabase.ROLE + "'")) {
				exists = role.next();
			}
			statement.execute((exists ? "ALTER" : "CREATE") + " ROLE " + EmbeddedDatabase.ROLE
					+ " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD " + quoted);
			statement.execute("ALTER SCHEMA public OWNER TO " + EmbeddedDatabase.ROLE);
			statement.execute(OWN_EVERYTHING);
		}
		catch (SQLException ex) {
			throw new EnvironmentProblem("cannot give the embedded PostgreSQL its application role: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Every table, view and free-standing sequence of the schema to the application's
	 * role (a sequence a column owns goes with its table).
	 */
	private static final String OWN_EVERYTHING = """
			DO $$
			DECLARE
			    object record;
			BEGIN
			    FOR object IN
			        SELECT c.oid::regclass AS name,
			               CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
			                              WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
			        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
			          AND pg_get_userbyid(c.relowner) <> '%1$s'
			          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
			                                              WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
			    LOOP
			        EXECUTE format('ALTER %%s %%s OWNER TO %1$s', object.kind, object.name);
			    END LOOP;
			END
			$$""".formatted(EmbeddedDatabase.ROLE);

	private static void writeHba(Path dir) {
		try {
			Files.writeString(dir.resolve("pg_hba.conf"), HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The pool takes {@code spring.datasource.hikari.*} (timeouts among them) as Boot's
	 * own does for a configured server.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedDatabase database, EmbeddedDatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		// batched inserts (products at import) become multi-row INSERTs: several times
		// faster
		dataSource.setJdbcUrl(database.jdbcUrl() + "&reWriteBatchedInserts=true");
		dataSource.setUsername(EmbeddedDatabase.ROLE);
		dataSource.setPassword(EmbeddedDatabaseSecret
			.readOrCreate(EmbeddedDatabaseSecret.fileFor(properties.dir().toAbsolutePath().normalize())));
		dataSource.setPoolName("embedded-postgres");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
