package com.prompt2pixel.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.prompt2pixel.templates.Sha256;

/**
 * The hash over everything about a product that changes its imagery: title, description,
 * vendor, type, category, tags, options, primary image and stated size. A new hash on the
 * next import means "changed"; scenes are then rendered again. The one definition:
 * computed while staging, and again by the merge for the few products whose primary image
 * only their WooCommerce variations give.
 */
final class ContentHash {

	private ContentHash() {
	}

	static String of(String title, String description, String vendor, String productType, String category,
			List<String> tags, String options, List<String> imageUrls, Double sizeCm) {
		StringBuilder content = new StringBuilder(256).append(title)
			.append('\u001f')
			.append(description)
			.append('\u001f')
			.append(vendor)
			.append('\u001f')
			.append(productType)
			.append('\u001f')
			.append(category)
			.append('\u001f')
			.append(String.join(",", tags))
			.append('\u001f')
			.append(options);
		if (!imageUrls.isEmpty()) {
			content.append('\u001f').append(imageUrls.get(0));
		}
		if (sizeCm != null) {
			// only when stated, so that products imported before sizes were read keep
			// their hash and are not rendered again for nothing
			content.append('\u001f').append("size=").append(sizeCm);
		}
		return Sha256.hex(content.toString().getBytes(StandardCharsets.UTF_8));
	}

}
