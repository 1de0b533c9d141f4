package com.prompt2pixel.templates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with one digest per thread: looking a digest up per call costs more than
 * hashing a prompt, and expansion hashes twice per task.
 */
final class Digests {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	});

	private Digests() {
	}

	static byte[] sha256(byte[] bytes) {
		MessageDigest digest = SHA_256.get();
		digest.reset();
		return digest.digest(bytes);
	}

}
