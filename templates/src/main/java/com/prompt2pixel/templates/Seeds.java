package com.prompt2pixel.templates;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic seeds, so that a rerun of the same product, template version and variant
 * reproduces the same image.
 */
public final class Seeds {

	private Seeds() {
	}

	/**
	 * A seed in {@code [0, 2^32)}, the range diffusion front ends accept, derived from a
	 * SHA-256 over the inputs (separated by NUL so that "ab"+"c" differs from "a"+"bc").
	 */
	public static long of(String merchant, String productKey, String templateId, int templateVersion, int variant) {
		String joined = String.join("\0", merchant, productKey, templateId, Integer.toString(templateVersion),
				Integer.toString(variant));
		byte[] hash = Sha256.of(joined.getBytes(StandardCharsets.UTF_8));
		long seed = 0;
		for (int i = 0; i < 4; i++) {
			seed = (seed << 8) | (hash[i] & 0xFF);
		}
		return seed;
	}

	/**
	 * The seed of a held image's regeneration, in {@code [0, 2^32)}: derived from the
	 * task it replaces (so a retried regeneration renders the same image), never that
	 * task's own seed.
	 */
	public static long regenerated(long seed, long taskId) {
		byte[] hash = Sha256.of(String.join("\0", "regenerate", Long.toString(seed), Long.toString(taskId))
			.getBytes(StandardCharsets.UTF_8));
		long regenerated = 0;
		for (int i = 0; i < 4; i++) {
			regenerated = (regenerated << 8) | (hash[i] & 0xFF);
		}
		return (regenerated != seed) ? regenerated : (seed + 1) % (1L << 32);
	}

}
