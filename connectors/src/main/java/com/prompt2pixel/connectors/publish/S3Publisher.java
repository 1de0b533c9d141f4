package com.prompt2pixel.connectors.publish;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import com.prompt2pixel.templates.Sha256;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Publishes images into an S3 bucket (or an S3-compatible store) under content-addressed
 * keys, {@code <prefix>/<merchant>/<sha256[0:2]>/<sha256>.<ext>}: the same bytes always
 * land on the same key, so a retry or a second run never makes a second copy. Each object
 * is written once: an object already there is left as it is (asked with HEAD first, which
 * also serves stores that ignore conditional writes, s3proxy among them), and the write
 * itself is conditional ({@code If-None-Match: *}), so that of two writers racing the
 * second gets 412 and changes nothing. Objects are served as immutable for a year, since
 * a key changes whenever its bytes do. Links come from a public (CDN) base URL when the
 * target has one, else are presigned GET URLs.
 */
public final class S3Publisher {

	/** S3's limit for a presigned URL signed with SigV4. */
	public static final Duration MAX_LINK_LIFETIME = Duration.ofDays(7);

	static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private final S3Client client;

	private final S3Presigner presigner;

	private final Target target;

	/**
	 * Where images go.
	 *
	 * @param bucket the bucket
	 * @param prefix the key prefix, without slashes at either end; empty for none
	 * @param publicBaseUrl the public or CDN URL the prefix is served under, or null for
	 * presigned links
	 * @param linkLifetime how long a presigned link works, at most
	 * {@link #MAX_LINK_LIFETIME}
	 */
	public record Target(String bucket, String prefix, URI publicBaseUrl, Duration linkLifetime) {

		public Target {
			if (bucket == null || !BUCKET.matcher(bucket).matches()) {
				throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name (3 to 63 lower-case "
						+ "letters, digits, dots and hyphens)");
			}
			prefix = (prefix != null) ? prefix.replaceAll("^/+|/+$", "") : "";
			if (prefix.contains("..") || prefix.contains("//")) {
				throw new IllegalArgumentException("S3 prefix '" + prefix + "' has an empty or a '..' segment");
			}
			if (publicBaseUrl != null && !"https".equals(publicBaseUrl.getScheme())
					&& !"http".equals(publicBaseUrl.getScheme())) {
				throw new IllegalArgumentException("public base URL '" + publicBaseUrl + "' is not an http(s) URL");
			}
			if (linkLifetime == null || linkLifetime.isNegative() || linkLifetime.isZero()
					|| linkLifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
				throw new IllegalArgumentException(
						"a presigned link lives more than 0 and at most 7 days (S3's limit), not " + linkLifetime);
			}
		}

		/**
		 * Reads {@code s3://BUCKET/PREFIX}.
		 * @throws IllegalArgumentException naming what is wrong
		 */
		public static Target parse(String location, URI publicBaseUrl, Duration linkLifetime) {
			if (location == null || !location.toLowerCase(Locale.ROOT).startsWith("s3://")) {
				throw new IllegalArgumentException("'" + location + "' is not an S3 location like s3://bucket/prefix");
			}
			String rest = location.substring("s3://".length());
			int slash = rest.indexOf('/');
			String bucket = (slash < 0) ? rest : rest.substring(0, slash);
			String prefix = (slash < 0) ? "" : rest.substring(slash + 1);
			return new Target(bucket, prefix, publicBaseUrl, linkLifetime);
		}

		/** {@code s3://bucket/prefix}, as it was given. */
		public String location() {
			return "s3://" + this.bucket + (this.prefix.isEmpty() ? "" : "/" + this.prefix);
		}

	}

	/**
	 * An object written, or found written.
	 *
	 * @param key its key
	 * @param created false when an earlier attempt had written it already
	 */
	public record Stored(String key, boolean created) {
	}

	public S3Publisher(S3Client client, S3Presigner presigner, Target target) {
		this.client = client;
		this.presigner = presigner;
		this.target = target;
	}

	public Target target() {
		return this.target;
	}

	/** The content-addressed key of the merchant's image. */
	public String keyOf(String merchantId, byte[] bytes, ImageFormat format) {
		String sha = HexFormat.of().formatHex(Sha256.of(bytes));
		return key(FolderPublisher.folderName(merchantId) + "/" + sha.substring(0, 2) + "/" + sha + "."
				+ format.extension());
	}

	/** Writes the image once under its content-addressed key. */
	public Stored publish(String merchantId, byte[] bytes, ImageFormat format) {
		String key = keyOf(merchantId, bytes, format);
		return put(key, bytes, format.contentType(), CACHE_CONTROL, true);
	}

	/**
	 * Writes a run's manifest beside the images,
	 * {@code <prefix>/<merchant>/runs/<run>/manifest.csv}; it is replaced when the run
	 * publishes again (it is no content-addressed object).
	 */
	public Stored publishManifest(String merchantId, long runId, byte[] csv) {
		return put(manifestKey(this.target, merchantId, runId), csv, "text/csv; charset=utf-8", "no-cache", false);
	}

	/** Where a run's manifest lies in the target. */
	public static String manifestKey(Target target, String merchantId, long runId) {
		String path = FolderPublisher.folderName(merchantId) + "/runs/" + runId + "/manifest.csv";
		return target.prefix().isEmpty() ? path : target.prefix() + "/" + path;
	}

	private Stored put(String key, byte[] bytes, String contentType, String cacheControl, boolean once) {
		PutObjectRequest.Builder request = PutObjectRequest.builder()
			.bucket(this.target.bucket())
			.key(key)
			.contentType(contentType)
			.cacheControl(cacheControl)
			.contentLength((long) bytes.length);
		if (once) {
			if (exists(key)) {
				return new Stored(key, false);
			}
			request.ifNoneMatch("*");
		}
		try {
			this.client.putObject(request.build(), RequestBody.fromBytes(bytes));
			return new Stored(key, true);
		}
		catch (S3Exception ex) {
			if (once && (ex.statusCode() == 412 || ex.statusCode() == 409)) {
				// written by an earlier attempt: the same key means the same bytes
				return new Stored(key, false);
			}
			throw ex;
		}
	}

	private boolean exists(String key) {
		try {
			this.client.headObject(HeadObjectRequest.builder().bucket(this.target.bucket()).key(key).build());
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	/** The link to an object: under the public base URL, or presigned. */
	public URI link(String key) {
		return link(this.target, this.presigner, key);
	}

	/**
	 * The link to an object of the target; presigning is local (no request to the store),
	 * so a link can be signed afresh whenever it is shown.
	 */
	public static URI link(Target target, S3Presigner presigner, String key) {
		if (target.publicBaseUrl() != null) {
			String base = target.publicBaseUrl().toString().replaceAll("/+$", "");
			String path = target.prefix().isEmpty() ? key : key.substring(target.prefix().length() + 1);
			return URI.create(base + "/" + path);
		}
		GetObjectPresignRequest presign = GetObjectPresignRequest.builder()
			.signatureDuration(target.linkLifetime())
			.getObjectRequest(GetObjectRequest.builder().bucket(target.bucket()).key(key).build())
			.build();
		return URI.create(presigner.presignGetObject(presign).url().toString());
	}

	/** Removes an object; removing one that is gone already is no error. */
	public void delete(String key) {
		this.client.deleteObject(DeleteObjectRequest.builder().bucket(this.target.bucket()).key(key).build());
	}

	private String key(String path) {
		return this.target.prefix().isEmpty() ? path : this.target.prefix() + "/" + path;
	}

}
