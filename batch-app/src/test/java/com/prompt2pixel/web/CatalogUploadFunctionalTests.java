package com.prompt2pixel.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;

import com.prompt2pixel.ingest.IngestProperties;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Multipart;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.system.ServerPaths;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog upload over real HTTP: multipart in, the import queued, its status and
 * error report read back; too large and unusable files refused with the reason.
 */
class CatalogUploadFunctionalTests extends FunctionalTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Path uploads;

	/**
	 * The controller's own folder: the test's data folder is resolved anew at each
	 * lookup.
	 */
	@Autowired
	void uploads(IngestProperties properties) {
		this.uploads = properties.uploadsDir().toAbsolutePath().normalize();
	}

	@Test
	void shouldQueueAnUploadedCatalogAndReportItsOutcomeAndErrors() throws Exception {
		StringBuilder csv = new StringBuilder("sku;title;price;image\n");
		for (int i = 1; i <= 20; i++) {
			csv.append("K")
				.append(i)
				.append(';')
				.append((i == 7) ? "" : "Vase " + i)
				.append(";12,50;https://x.example/")
				.append(i)
				.append(".jpg\n");
		}

		HttpResponse<String> response = upload("upload-shop", "Catalog Nov.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode accepted = this.json.readTree(response.body());
		long id = accepted.get("import").asLong();
		assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/catalog-imports/" + id);
		JsonNode status = awaitEnd(id, "upload-shop");
		assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(status.get("new").asInt()).isEqualTo(19);
		assertThat(status.get("skipped").asInt()).isEqualTo(1);
		assertThat(status.get("error_report").asString()).as("a link, not the server's path")
			.isEqualTo("/api/v1/catalog-imports/" + id + "/errors.csv");
		HttpResponse<String> report = get("/api/v1/catalog-imports/" + id + "/errors.csv", "upload-shop");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"import-" + id + "-errors.csv\"");
		assertThat(report.body().lines()).containsExactly("row,column,problem", "8,title,is empty");
		HttpResponse<String> xlsx = get("/api/v1/catalog-imports/" + id + "/errors.xlsx", "upload-shop");
		assertThat(xlsx.statusCode()).as(xlsx.body()).isEqualTo(200);
		try (Stream<Path> kept = Files.list(this.uploads.resolve("upload-shop"))) {
			assertThat(kept).as("a folder of its own").singleElement().satisfies((folder) -> {
				assertThat(folder).isDirectory();
				assertThat(folder.resolve("catalog_nov.csv")).isRegularFile();
			});
		}
	}

	@Test
	void shouldImportAZipOfTheSampleCatalogWithItsRelativePhotos() throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("sample/catalog.csv", Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("catalog.csv")));
		try (Stream<Path> photos = Files.list(SampleCatalogs.SAMPLES.resolve("photos"))) {
			for (Path photo : photos.toList()) {
				entries.put("sample/photos/" + photo.getFileName(), Files.readAllBytes(photo));
			}
		}

		HttpResponse<String> response = upload("upload-zip", "Sample Shop.zip", zip(entries));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode status = awaitEnd(this.json.readTree(response.body()).get("import").asLong(), "upload-zip");
		assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
		assertThat(status.get("new").asInt()).isEqualTo(20);
		assertThat(
				this.jdbc.queryForList("SELECT image_url FROM product WHERE merchant_id = 'upload-zip'", String.class))
			.as("every photo found inside the archive")
			.hasSize(20)
			.allMatch((url) -> url.startsWith("file:") && url.contains("/archive/sample/photos/"));
		try (Stream<Path> kept = Files.walk(this.uploads.resolve("upload-zip"))) {
			assertThat(kept.map(Path::toString)).as("unpacked; the archive itself not kept")
				.noneMatch((path) -> path.endsWith(".zip"))
				.anyMatch((path) -> path.endsWith("archive/sample/photos/mug-clay-01.png"));
		}
	}

	@Test
	void shouldRefuseAZipWhoseEntryLeavesItsFolderAndKeepNothing() throws Exception {
		long before = imports();

		HttpResponse<String> response = upload("upload-slip", "evil.zip",
				zip(Map.of("catalog.csv", "sku,title,image\nA,Vase,a.png\n".getBytes(StandardCharsets.UTF_8),
						"../../../images/other-shop/a.png", new byte[] { 1 })));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("'evil.zip' has an entry whose name leaves the archive's folder "
					+ "('../../../images/other-shop/a.png'); it is refused");
		assertThat(imports()).isEqualTo(before);
		assertThat(this.uploads.resolve("upload-slip")).isEmptyDirectory();
		assertThat(this.uploads.getParent().resolve("images/other-shop/a.png")).doesNotExist();
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void shouldRefuseAnUploadsLocalImageReferencesAlikeWhetherTheFileExists() throws Exception {
		// another merchant's image, in the same image store
		Path elsewhere = Files.createDirectories(this.uploads.getParent().resolve("images/other-shop/runs/1/tasks"));
		Files.write(elsewhere.resolve("1.png"), new byte[] { 1 });
		// five bad rows of twenty: within the skip limit, so the import completes and its
		// report can be read
		String[] references = { "/etc/passwd", "/etc/no-such-file", "file:///etc/shadow",
				"../../images/other-shop/runs/1/tasks/1.png", elsewhere.resolve("1.png").toString() };
		StringBuilder csv = new StringBuilder("sku;title;price;image\n");
		for (int i = 0; i < 20; i++) {
			String image = (i < references.length) ? references[i] : "https://x.example/" + i + ".jpg";
			csv.append("P").append(i).append(";Vase ").append(i).append(";12,50;").append(image).append('\n');
		}

		HttpResponse<String> response = upload("upload-probe", "probe.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		JsonNode status = awaitEnd(this.json.readTree(response.body()).get("import").asLong(), "upload-probe");

		assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
		assertThat(status.get("new").asInt()).isEqualTo(15);
		String report = get("/api/v1/catalog-imports/" + status.get("import").asLong() + "/errors.csv", "upload-probe")
			.body();
		for (String reference : references) {
			// an absolute path quoted by its file name only: the report names no server
			// folder
			assertThat(report).contains(
					"image reference '" + ServerPaths.hide(reference) + "' is outside the catalog's photo folder");
		}
		assertThat(report).doesNotContain(elsewhere.toString());
		assertThat(report).doesNotContain("not found").doesNotContain(this.uploads.toString());
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM product WHERE merchant_id = 'upload-probe' AND image_urls::text LIKE '%file:%'",
				Long.class))
			.isZero();
	}

	@Test
	void shouldKeepUploadsOfOneNameApart() throws Exception {
		String first = "sku;title;image\nA1;Vase;https://x.example/1.jpg\n";
		String second = "sku;title;image\nB1;Lamp;https://x.example/2.jpg\n";

		HttpResponse<String> one = upload("upload-twice", "catalog.csv", first.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> two = upload("upload-twice", "catalog.csv", second.getBytes(StandardCharsets.UTF_8));

		assertThat(one.statusCode()).isEqualTo(202);
		assertThat(two.statusCode()).isEqualTo(202);
		try (Stream<Path> kept = Files.list(this.uploads.resolve("upload-twice"))) {
			assertThat(kept.map((folder) -> folder.resolve("catalog.csv")).map(CatalogUploadFunctionalTests::read))
				.containsExactlyInAnyOrder(first, second);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void shouldRefuseAnUploadOverTheLimitWithTheLimitInWords() throws Exception {
		long before = imports();

		HttpResponse<String> response = upload("upload-big", "big.csv", new byte[(UPLOAD_LIMIT_KB + 10) * 1024]);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("the upload is larger than the limit of " + UPLOAD_LIMIT_KB
					+ " KB (p2p.upload.max-size); split the catalog, or drop it into the inbox folder");
		assertThat(imports()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAnUnusableFileNamingTheProblemAndKeepNothing() throws Exception {
		long before = imports();

		HttpResponse<String> response = upload("upload-bad", "photo.csv",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3 });

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("binary data");
		assertThat(imports()).isEqualTo(before);
		assertThat(this.uploads.resolve("upload-bad")).isEmptyDirectory();
	}

	@Test
	void shouldAnswerBadRequestsWithoutAServerPathOrAStackTrace() throws Exception {
		HttpResponse<String> binary = upload("upload-leak", "photo.csv",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3 });
		HttpResponse<String> noBoundary = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/catalog-imports"))
				.header("Authorization", bearer("upload-leak"))
				.header("Content-Type", "multipart/form-data")
				.POST(HttpRequest.BodyPublishers.ofString("file=x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> errorPage = get("/error", "upload-leak");

		assertThat(binary.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(binary.body()).get("detail").asString()).contains("photo.csv");
		assertThat(noBoundary.statusCode()).as(noBoundary.body()).isEqualTo(400);
		assertThat(errorPage.statusCode()).as("no status 999 for a page asked for directly").isEqualTo(404);
		for (HttpResponse<String> response : java.util.List.of(binary, noBoundary, errorPage)) {
			assertThat(response.body()).doesNotContain(this.uploads.getParent().toString())
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownImport() throws Exception {
		assertThat(get("/api/v1/catalog-imports/987654", "upload-none").statusCode()).isEqualTo(404);
	}

	private long imports() {
		return this.jdbc.queryForObject("SELECT count(*) FROM catalog_import", Long.class);
	}

	private JsonNode awaitEnd(long id, String merchant) {
		JsonNode[] status = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			status[0] = this.json.readTree(get("/api/v1/catalog-imports/" + id, merchant).body());
			String value = status[0].get("status").asString();
			return value.equals("COMPLETED") || value.equals("FAILED");
		});
		return status[0];
	}

	private HttpResponse<String> get(String path, String merchant) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", bearer(merchant))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String merchant, String fileName, byte[] content)
			throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/catalog-imports"))
				.header("Authorization", bearer(merchant))
				.header("Content-Type", Multipart.contentType())
				.POST(Multipart.file(fileName, "text/csv", content))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
