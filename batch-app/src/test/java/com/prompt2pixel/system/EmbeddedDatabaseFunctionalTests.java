package com.prompt2pixel.system;

import javax.sql.DataSource;

import com.prompt2pixel.support.FunctionalTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own pool on the embedded database: it takes
 * {@code spring.datasource.hikari.*} as Boot's pool for a configured server does, so a
 * database that is away is given up on within seconds.
 */
class EmbeddedDatabaseFunctionalTests extends FunctionalTest {

	@Autowired
	DataSource dataSource;

	@Test
	void shouldTakeThePoolsTimeoutsFromSpringsHikariProperties() {
		assertThat(this.dataSource).isInstanceOfSatisfying(HikariDataSource.class, (pool) -> {
			assertThat(pool.getPoolName()).isEqualTo("embedded-postgres");
			assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
			assertThat(pool.getValidationTimeout()).isEqualTo(2000);
		});
	}

}
