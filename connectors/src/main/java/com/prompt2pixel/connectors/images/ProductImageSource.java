package com.prompt2pixel.connectors.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Resolves the image references a catalog carries and loads the photos. A reference is an
 * {@code http(s)} URL or a path; relative paths are relative to the catalog file's
 * folder, so a catalog and its photos can travel together.
 */
public final class ProductImageSource {

	/** Photos larger than this are refused rather than read into memory. */
	public static final int MAX_BYTES = 25 * 1024 * 1024;

	private final HttpClient http;

	private final Duration timeout;

	public ProductImageSource(Duration timeout) {
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/**
	 * An absolute URI for the reference; a local file must exist.
	 * @throws ProductImageException when the reference is malformed or the file is
	 * missing
	 */
	public URI resolve(String reference, Path catalogFolder) {
		String lower = reference.toLowerCase(Locale.ROOT);
		try {
			if (lower.startsWith("http://") || lower.startsWith("https://")) {
				return new URI(reference);
			}
			Path path = lower.startsWith("file:") ? Path.of(new URI(reference))
					: catalogFolder.resolve(reference).toAbsolutePath().normalize();
			if (!Files.isRegularFile(path)) {
				throw new ProductImageException("image file not found: " + path);
			}
			return path.toUri();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new ProductImageException("not a valid image URL or path: '" + reference + "'", ex);
		}
	}

	/**
	 * The photo's bytes.
	 * @throws ProductImageException when it cannot be read, is too large, or the server
	 * does not answer 200
	 */
	public byte[] load(URI uri) {
		try {
			if ("file".equals(uri.getScheme())) {
				Path path = Path.of(uri);
				if (Files.size(path) > MAX_BYTES) {
					throw new ProductImageException("image " + uri + " is larger than " + MAX_BYTES + " bytes");
				}
				return Files.readAllBytes(path);
			}
			return fetch(uri);
		}
		catch (IOException ex) {
			throw new ProductImageException("cannot read image " + uri + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProductImageException("interrupted while fetching image " + uri, ex);
		}
	}

	private byte[] fetch(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.timeout).GET().build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new ProductImageException("image " + uri + " answered HTTP " + response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new ProductImageException("image " + uri + " is larger than " + MAX_BYTES + " bytes");
			}
			return bytes;
		}
	}

}
