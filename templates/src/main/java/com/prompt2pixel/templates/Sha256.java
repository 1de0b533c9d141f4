package com.prompt2pixel.templates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the code base: cache keys, seeds, photo and image checksums, content
 * hashes and publication keys. One digest per thread: looking a digest up per call costs
 * more than hashing a prompt, and expansion hashes twice per task.
 */
public final class Sha256 {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	});

	private Sha256() {
	}

	public static byte[] of(byte[] bytes) {
		MessageDigest digest = SHA_256.get();
		digest.reset();
		return digest.digest(bytes);
	}

	/** Lowercase hex, as stored in the database and the manifest. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(of(bytes));
	}

}
