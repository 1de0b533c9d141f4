package com.prompt2pixel.connectors.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves the image references a catalog carries and loads the photos. A catalog is the
 * merchant's input, so neither may reach what the merchant should not:
 * <ul>
 * <li>a local reference (a path relative to the catalog's folder, an absolute path, a
 * {@code file:} URI) must lie inside the import's photo root (for an upload, its own
 * folder; for the local CLI, {@code p2p.photos.local-root}), checked on the real path
 * with no symbolic link on the way; whatever lies outside is refused with the same words
 * whether it exists or not, so that the error report tells nothing about the server;</li>
 * <li>an {@code http(s)} URL is fetched only from hosts {@link PhotoHosts} admits,
 * redirects followed one at a time (at most {@value #MAX_REDIRECTS}) and each checked
 * again, within one deadline for the whole fetch and {@link #MAX_BYTES}.</li>
 * </ul>
 */
public final class ProductImageSource {

	/** Photos larger than this are refused rather than read into memory. */
	public static final int MAX_BYTES = 25 * 1024 * 1024;

	static final int MAX_REDIRECTS = 5;

	private final HttpClient http;

	private final Duration timeout;

	private final PhotoHosts hosts;

	/**
	 * @param timeout the whole fetch of one photo, redirects included
	 */
	public ProductImageSource(Duration timeout, PhotoHosts hosts) {
		this.timeout = timeout;
		this.hosts = hosts;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * An absolute URI for the reference; a local file must exist inside the photo root.
	 * @param catalogFolder what relative paths are relative to
	 * @param photoRoot the folder local files must be inside
	 * @throws ProductImageException when the reference is malformed, outside the root or
	 * missing (the message quotes the reference as written, never a server path)
	 */
	public URI resolve(String reference, Path catalogFolder, Path photoRoot) {
		String lower = reference.toLowerCase(Locale.ROOT);
		try {
			if (lower.startsWith("http://") || lower.startsWith("https://")) {
				URI uri = new URI(reference);
				if (uri.getHost() == null) {
					throw new ProductImageException("not a valid image URL: '" + reference + "'");
				}
				return uri;
			}
			if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.startsWith("file:")
					&& !lower.matches("^[a-z]:[\\\\/].*")) {
				throw new ProductImageException(
						"image reference '" + reference + "' is neither an http(s) URL nor a " + "file path");
			}
			Path path = lower.startsWith("file:") ? Path.of(new URI(reference))
					: catalogFolder.toAbsolutePath().resolve(reference).normalize();
			return inside(path, photoRoot, reference).toUri();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new ProductImageException("not a valid image URL or path: '" + reference + "'", ex);
		}
	}

	/**
	 * The file, when it is inside the root: as written (no {@code ..} out of it) and on
	 * its real path (no link out of it); a link as the file itself is refused outright.
	 */
	private static Path inside(Path path, Path photoRoot, String reference) {
		Path root = photoRoot.toAbsolutePath().normalize();
		Path normalized = path.toAbsolutePath().normalize();
		if (!normalized.startsWith(root) || normalized.equals(root)) {
			throw outside(reference);
		}
		if (Files.isSymbolicLink(normalized)) {
			throw new ProductImageException(
					"image reference '" + reference + "' is a symbolic link, which is not followed");
		}
		Path real;
		try {
			real = normalized.toRealPath();
		}
		catch (IOException ex) {
			throw new ProductImageException("image file not found: '" + reference + "'");
		}
		try {
			if (!real.startsWith(root.toRealPath())) {
				throw outside(reference);
			}
		}
		catch (IOException ex) {
			throw outside(reference);
		}
		if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
			throw new ProductImageException("image file not found: '" + reference + "'");
		}
		return real;
	}

	private static ProductImageException outside(String reference) {
		return new ProductImageException("image reference '" + reference + "' is outside the catalog's photo folder; "
				+ "give an http(s) URL or a path inside that folder");
	}

	/**
	 * The photo's bytes.
	 * @throws ProductImageException when it cannot be read, is too large, or the server
	 * does not answer 200
	 */
	public byte[] load(URI uri) {
		try {
			if ("file".equals(uri.getScheme())) {
				return read(Path.of(uri), uri);
			}
			return fetch(uri);
		}
		catch (IOException ex) {
			throw new ProductImageException("cannot read image " + shown(uri) + ": " + ex.getClass().getSimpleName(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProductImageException("interrupted while fetching image " + shown(uri), ex);
		}
	}

	/** A local photo, not through a link that appeared since it was resolved. */
	private static byte[] read(Path path, URI uri) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(path,
				Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
			if (channel.size() > MAX_BYTES) {
				throw new ProductImageException("image " + shown(uri) + " is larger than " + MAX_BYTES + " bytes");
			}
			return Channels.newInputStream(channel).readAllBytes();
		}
	}

	private byte[] fetch(URI first) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		URI uri = first;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			checkFetchable(uri);
			Duration left = Duration.ofNanos(deadline - System.nanoTime());
			if (left.isNegative() || left.isZero()) {
				throw new ProductImageException("image " + shown(first) + " took longer than " + this.timeout);
			}
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(left).GET().build();
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				int status = response.statusCode();
				if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
					String location = response.headers().firstValue("Location").orElse(null);
					if (location == null) {
						throw new ProductImageException(
								"image " + shown(first) + " answered HTTP " + status + " without a Location");
					}
					uri = uri.resolve(location.strip());
					continue;
				}
				if (status != 200) {
					throw new ProductImageException("image " + shown(first) + " answered HTTP " + status);
				}
				long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
				byte[] bytes = (length > MAX_BYTES) ? new byte[MAX_BYTES + 1] : body.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new ProductImageException(
							"image " + shown(first) + " is larger than " + MAX_BYTES + " bytes");
				}
				return bytes;
			}
		}
		throw new ProductImageException("image " + shown(first) + " redirected more than " + MAX_REDIRECTS + " times");
	}

	private void checkFetchable(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new ProductImageException(
					"image " + uri + " leads to a " + scheme + ": address, which is not fetched");
		}
		if (uri.getHost() == null) {
			throw new ProductImageException("image " + uri + " names no host");
		}
		this.hosts.check(uri.getHost());
	}

	/** A photo as messages name it: a URL as given, a local file by its name only. */
	private static String shown(URI uri) {
		if ("file".equals(uri.getScheme())) {
			Path name = Path.of(uri).getFileName();
			return "'" + ((name != null) ? name : "") + "'";
		}
		return uri.toString();
	}

}
