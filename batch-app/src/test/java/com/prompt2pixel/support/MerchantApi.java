package com.prompt2pixel.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One merchant's calls to the API over real HTTP, with its key: what the API tests of
 * runs and generations share.
 */
public final class MerchantApi {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String authorization;

	private final JsonMapper json;

	/**
	 * @param authorization the {@code Authorization} header's value
	 */
	public MerchantApi(int port, String authorization, JsonMapper json) {
		this.port = port;
		this.authorization = authorization;
		this.json = json;
	}

	/**
	 * Uploads the first {@code count} products of the sample catalog, with their photos,
	 * as a ZIP, and waits for the import to complete.
	 * @return the import's id
	 */
	public long uploadSample(int count) throws IOException, InterruptedException {
		List<String> lines = Files.readAllLines(SampleCatalogs.SAMPLES.resolve("catalog.csv"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("catalog.csv"));
			zip.write(String.join("\n", lines.subList(0, count + 1)).getBytes(StandardCharsets.UTF_8));
			for (String line : lines.subList(1, count + 1)) {
				String photo = line.substring(line.lastIndexOf(',') + 1);
				zip.putNextEntry(new ZipEntry(photo));
				zip.write(Files.readAllBytes(SampleCatalogs.SAMPLES.resolve(photo)));
			}
		}
		HttpResponse<String> response = upload("sample.zip", bytes.toByteArray());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		long id = this.json.readTree(response.body()).get("import").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> json(get("/api/v1/catalog-imports/" + id)).get("status").asString(), "COMPLETED"::equals);
		return id;
	}

	public HttpResponse<String> upload(String name, byte[] content) throws IOException, InterruptedException {
		return this.http.send(request("/api/v1/catalog-imports").header("Content-Type", Multipart.contentType())
			.POST(Multipart.file(name, "application/octet-stream", content))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A multipart form: the file in part {@code part}, and the fields. */
	public HttpResponse<String> postForm(String path, String part, String fileName, byte[] content,
			Map<String, String> fields) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Content-Type", Multipart.contentType())
			.POST(Multipart.form(part, fileName, "application/octet-stream", content, fields))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** The {@code detail} of a 400 problem. */
	public String detail(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return json(response).get("detail").asString();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", this.authorization);
	}

}
