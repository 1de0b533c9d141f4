package com.prompt2pixel.run;

/**
 * One on-demand generation: a product of the merchant's catalog in one scene (or with a
 * prompt of its own), a few variants, rendered in the on-demand lane.
 *
 * @param merchantId the merchant
 * @param productKey the product's key in the merchant's catalog (its SKU or Shopify id)
 * @param templateSet the set the scene is in; null: the set the product's rules match
 * @param scene the scene's id; null: every scene of the set, or with a prompt the set's
 * first scene (whose parameters it renders with)
 * @param prompt replaces the scene's rendered prompt; null: the scene's
 * @param negativePrompt replaces the scene's rendered negative prompt; null: the scene's
 * @param variants images per scene, 1-16
 * @param seed variant n renders with {@code seed + n - 1} (modulo {@link #SEEDS})
 * @param width the image width, a multiple of 8 from 64 to 2048; null: the scene's
 * @param height the image height, likewise
 */
public record OnDemandRequest(String merchantId, String productKey, String templateSet, String scene, String prompt,
		String negativePrompt, int variants, long seed, Integer width, Integer height) {

	/** Seeds are in {@code [0, 2^32)}, the range diffusion front ends accept. */
	public static final long SEEDS = 1L << 32;

	/** The largest edge an on-demand image may ask for. */
	public static final int MAX_EDGE = 2048;

	/**
	 * @throws InvalidRunRequestException naming the first field out of its range
	 */
	public OnDemandRequest {
		if (productKey == null || productKey.isBlank()) {
			throw new InvalidRunRequestException("field 'product' is required: the product's key in the catalog");
		}
		if (variants < 1 || variants > RunRequestCheck.MAX_VARIANTS) {
			throw new InvalidRunRequestException(
					"field 'variants' must be from 1 to " + RunRequestCheck.MAX_VARIANTS + ", was " + variants);
		}
		if (seed < 0 || seed >= SEEDS) {
			throw new InvalidRunRequestException("field 'seed' must be from 0 to " + (SEEDS - 1) + ", was " + seed);
		}
		checkEdge("width", width);
		checkEdge("height", height);
		if (prompt != null && prompt.isBlank()) {
			throw new InvalidRunRequestException("field 'prompt' is empty; leave it out to use the scene's");
		}
	}

	private static void checkEdge(String field, Integer edge) {
		if (edge != null && (edge < 64 || edge > MAX_EDGE || edge % 8 != 0)) {
			throw new InvalidRunRequestException(
					"field '" + field + "' must be a multiple of 8 from 64 to " + MAX_EDGE + ", was " + edge);
		}
	}

}
