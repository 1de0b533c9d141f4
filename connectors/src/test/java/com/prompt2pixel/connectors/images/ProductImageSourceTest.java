package com.prompt2pixel.connectors.images;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductImageSourceTest {

	@TempDir
	Path folder;

	/** The test's image server is on the loopback: admitted by its name only. */
	private final ProductImageSource source = new ProductImageSource(Duration.ofSeconds(5),
			PhotoHosts.allowing(List.of("localhost")));

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/mug.png", (exchange) -> {
			this.requests.incrementAndGet();
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
		this.server.createContext("/moved.png", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/mug.png");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/to-metadata.png", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/to-loopback.png", (exchange) -> {
			exchange.getResponseHeaders()
				.add("Location", "http://127.0.0.1:" + this.server.getAddress().getPort() + "/mug.png");
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		this.server.createContext("/loop.png", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/loop.png");
			exchange.sendResponseHeaders(302, -1);
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

		URI uri = this.source.resolve("photos/mug.png", this.folder, this.folder);

		assertThat(uri).isEqualTo(this.folder.resolve("photos/mug.png").toUri());
		assertThat(this.source.load(uri)).containsExactly(9, 8);
	}

	@Test
	void shouldRefuseALocalPhotoThatDoesNotExistNamingItAsWritten() {
		assertThatThrownBy(() -> this.source.resolve("photos/none.png", this.folder, this.folder))
			.isInstanceOf(ProductImageException.class)
			.hasMessage("image file not found: 'photos/none.png'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/etc/passwd", "/etc/no-such-file", "file:///etc/passwd", "file:///etc/no-such-file",
			"../../etc/passwd", "../../etc/no-such-file", "/proc/self/environ", "photos/../../outside.png" })
	void shouldRefuseWhatLiesOutsideThePhotoRootAlikeWhetherItExistsOrNot(String reference) throws IOException {
		Path catalogFolder = Files.createDirectories(this.folder.resolve("uploads/acme/1"));

		assertThatThrownBy(() -> this.source.resolve(reference, catalogFolder, catalogFolder))
			.isInstanceOf(ProductImageException.class)
			.hasMessage("image reference '" + reference + "' is outside the catalog's photo folder; give an http(s) "
					+ "URL or a path inside that folder");
	}

	@Test
	void shouldRefuseALinkOutOfThePhotoRoot() throws IOException {
		Path upload = Files.createDirectories(this.folder.resolve("upload"));
		Path secret = Files.write(this.folder.resolve("secret.png"), new byte[] { 1 });
		Files.createSymbolicLink(upload.resolve("mug.png"), secret);
		Files.createSymbolicLink(upload.resolve("photos"), this.folder);

		assertThatThrownBy(() -> this.source.resolve("mug.png", upload, upload))
			.hasMessage("image reference 'mug.png' is a symbolic link, which is not followed");
		assertThatThrownBy(() -> this.source.resolve("photos/secret.png", upload, upload))
			.hasMessage("image reference 'photos/secret.png' is outside the catalog's photo folder; give an http(s) "
					+ "URL or a path inside that folder");
	}

	@Test
	void shouldLetTheLocalCliReadInsideItsRoot() throws IOException {
		Path photo = Files.write(this.folder.resolve("mug.png"), new byte[] { 7 });
		Path elsewhere = Files.createDirectories(this.folder.resolve("catalogs"));

		URI uri = this.source.resolve(photo.toString(), elsewhere, this.folder);

		assertThat(this.source.load(uri)).containsExactly(7);
	}

	@Test
	void shouldFetchAnHttpPhoto() {
		URI uri = this.source.resolve(base() + "/mug.png", this.folder, this.folder);

		assertThat(this.source.load(uri)).containsExactly(1, 2, 3);
	}

	@Test
	void shouldFollowARedirectItChecked() {
		assertThat(this.source.load(URI.create(base() + "/moved.png"))).containsExactly(1, 2, 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:%d/mug.png", "http://[::1]:%d/mug.png", "http://10.0.0.7:%d/x.png",
			"http://192.168.1.1:%d/x.png", "http://169.254.169.254:%d/latest/meta-data/",
			"http://[fd00:ec2::254]:%d/latest/meta-data/", "http://100.64.0.1:%d/x.png", "http://0.0.0.0:%d/x.png",
			"http://[::ffff:127.0.0.1]:%d/mug.png" })
	void shouldRefuseToFetchFromLocalAndPrivateAddresses(String template) {
		URI uri = URI.create(template.formatted(this.server.getAddress().getPort()));

		assertThatThrownBy(() -> this.source.load(uri)).isInstanceOf(ProductImageException.class)
			.hasMessageEndingWith("is a local or private address, which is not fetched (p2p.photos.allowed-hosts "
					+ "admits an intranet host)");
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void shouldCheckEveryRedirectAgain() {
		assertThatThrownBy(() -> this.source.load(URI.create(base() + "/to-metadata.png")))
			.hasMessage("image host 169.254.169.254 is a local or private address, which is not fetched "
					+ "(p2p.photos.allowed-hosts admits an intranet host)");
		assertThatThrownBy(() -> this.source.load(URI.create(base() + "/to-loopback.png")))
			.hasMessage("image host 127.0.0.1 is a local or private address, which is not fetched "
					+ "(p2p.photos.allowed-hosts admits an intranet host)");
		assertThat(this.requests).as("the loopback behind the redirect was never asked").hasValue(0);
	}

	@Test
	void shouldStopFollowingRedirectsAfterAFew() {
		assertThatThrownBy(() -> this.source.load(URI.create(base() + "/loop.png")))
			.hasMessage("image " + base() + "/loop.png redirected more than 5 times");
	}

	@Test
	void shouldAdmitAnIntranetRange() {
		ProductImageSource intranet = new ProductImageSource(Duration.ofSeconds(5),
				PhotoHosts.allowing(List.of("127.0.0.0/8")));

		assertThat(intranet.load(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/mug.png")))
			.containsExactly(1, 2, 3);
	}

	@Test
	void shouldRefuseAnAllowListEntryThatIsNeitherNameNorRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> PhotoHosts.allowing(List.of("10.0.0.0/33")))
			.withMessage("'10.0.0.0/33' has a prefix longer than its address");
	}

	@Test
	void shouldTellPublicAddressesFromTheRest() throws IOException {
		assertThat(PhotoHosts.isPublic(InetAddress.getByName("93.184.215.14"))).isTrue();
		assertThat(PhotoHosts.isPublic(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))).isTrue();
		assertThat(PhotoHosts.isPublic(InetAddress.getByName("172.16.5.4"))).isFalse();
		assertThat(PhotoHosts.isPublic(InetAddress.getByName("fe80::1"))).isFalse();
	}

	@Test
	void shouldRefuseOtherSchemes() {
		assertThatThrownBy(() -> this.source.resolve("gopher://example.com/x.png", this.folder, this.folder))
			.hasMessage("image reference 'gopher://example.com/x.png' is neither an http(s) URL nor a file path");
	}

	@Test
	void shouldReportTheStatusOfAFailedFetch() {
		URI uri = URI.create(base() + "/gone.png");

		assertThatThrownBy(() -> this.source.load(uri)).isInstanceOf(ProductImageException.class)
			.hasMessage("image " + uri + " answered HTTP 404");
	}

	private String base() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

}
