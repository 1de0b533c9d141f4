package com.prompt2pixel.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import com.prompt2pixel.support.FunctionalTest;
import com.zaxxer.hikari.HikariDataSource;
import com.prompt2pixel.support.LeakWatch;
import com.prompt2pixel.support.Multipart;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last of the suite: everything the functional tests' application answered (status,
 * headers, text bodies) and logged (stack traces included) is searched for the server's
 * data and output folders (answers) and for the secrets the tests used: API keys, staff
 * passwords, the Shopify webhook secret, the embedded database's password (answers and
 * log lines). It first makes the probe's own bad requests, so that it searches something
 * when run alone.
 */
@Order(Integer.MAX_VALUE)
class LeakScanFunctionalTests extends FunctionalTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldShowNoServerFolderInAnyAnswerAndNoSecretAnywhere() throws Exception {
		// the embedded database's password, as the application connects with it
		LeakWatch.secret(this.dataSource.unwrap(HikariDataSource.class).getPassword());
		String key = bearer("leak-scan");
		long before = LeakWatch.responses();
		// the probe's cases: a multipart body without its boundary, a catalog the
		// importer refuses, a bad JSON body, the error page, an unknown path
		send(HttpRequest.newBuilder(uri("/api/v1/catalog-imports"))
			.header("Authorization", key)
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("no parts")));
		send(HttpRequest.newBuilder(uri("/api/v1/catalog-imports"))
			.header("Authorization", key)
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("broken.csv", "not;a;catalog\n")));
		send(HttpRequest.newBuilder(uri("/api/v1/runs"))
			.header("Authorization", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"catalog_import\": ")));
		send(HttpRequest.newBuilder(uri("/error")));
		send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).header("Authorization", key));

		assertThat(LeakWatch.responses() - before).as("this test's answers are among those searched")
			.isGreaterThanOrEqualTo(5);
		assertThat(LeakWatch.logLines()).as("log lines searched").isPositive();
		assertThat(LeakWatch.leaks()).isEmpty();
	}

	private void send(HttpRequest.Builder request) throws Exception {
		this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
