package com.prompt2pixel.connectors.images;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductImageSourceTest {

	@TempDir
	Path folder;

	private final ProductImageSource source = new ProductImageSource(Duration.ofSeconds(5));

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/mug.png", (exchange) -> {
			byte[] body = { 1, 2, 3 };
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.createContext("/gone.png", (exchange) -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void shouldResolveARelativePathAgainstTheCatalogFolderAndLoadIt() throws IOException {
		Files.createDirectories(this.folder.resolve("photos"));
		Files.write(this.folder.resolve("photos/mug.png"), new byte[] { 9, 8 });

		URI uri = this.source.resolve("photos/mug.png", this.folder);

		assertThat(uri).isEqualTo(this.folder.resolve("photos/mug.png").toUri());
		assertThat(this.source.load(uri)).containsExactly(9, 8);
	}

	@Test
	void shouldRefuseALocalPhotoThatDoesNotExist() {
		assertThatThrownBy(() -> this.source.resolve("photos/none.png", this.folder))
			.isInstanceOf(ProductImageException.class)
			.hasMessage("image file not found: " + this.folder.resolve("photos/none.png"));
	}

	@Test
	void shouldFetchAnHttpPhoto() {
		URI uri = this.source.resolve(base() + "/mug.png", this.folder);

		assertThat(this.source.load(uri)).containsExactly(1, 2, 3);
	}

	@Test
	void shouldReportTheStatusOfAFailedFetch() {
		URI uri = URI.create(base() + "/gone.png");

		assertThatThrownBy(() -> this.source.load(uri)).isInstanceOf(ProductImageException.class)
			.hasMessage("image " + uri + " answered HTTP 404");
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

}
