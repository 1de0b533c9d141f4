package com.prompt2pixel.connectors.shopify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a shop's products are read, the same for paged reads, bulk operations and the
 * checks of both.
 *
 * @param bulkThreshold from this many products on, {@link ShopifyProductExport.Mode#AUTO}
 * runs a bulk operation
 * @param pollInterval how often a bulk operation's status is asked for
 * @param bulkTimeout how long a bulk operation may take before the read fails
 * @param mediaLimit media read per product, in either mode (Shopify allows 250 on a
 * page), so that switching modes changes no product
 * @param statuses the product statuses imported ({@code active}, {@code draft},
 * {@code archived}); empty: all
 * @param bulkRestarts how many times a bulk operation that failed with Shopify's
 * intermittent {@code INTERNAL_SERVER_ERROR} is started again
 */
public record ShopifyReadSettings(int bulkThreshold, Duration pollInterval, Duration bulkTimeout, int mediaLimit,
		List<String> statuses, int bulkRestarts) {

	private static final Set<String> STATUSES = Set.of("active", "draft", "archived");

	public ShopifyReadSettings {
		if (mediaLimit < 1 || mediaLimit > 250) {
			throw new IllegalArgumentException(
					"p2p.shopify.media-limit must be between 1 and 250 (Shopify's page size), was " + mediaLimit);
		}
		statuses = (statuses != null) ? statuses.stream()
			.map((status) -> status.strip().toLowerCase(Locale.ROOT))
			.filter((status) -> !status.isEmpty())
			.toList() : List.of();
		for (String status : statuses) {
			if (!STATUSES.contains(status)) {
				throw new IllegalArgumentException("p2p.shopify.statuses: '" + status
						+ "' is not a Shopify product status (active, draft, archived)");
			}
		}
		if (bulkRestarts < 0) {
			throw new IllegalArgumentException("p2p.shopify.bulk-restarts must be 0 or more, was " + bulkRestarts);
		}
	}

	/** Shopify's defaults for tests and tools: active products, 10 media each. */
	public static ShopifyReadSettings of(int bulkThreshold, Duration pollInterval, Duration bulkTimeout) {
		return new ShopifyReadSettings(bulkThreshold, pollInterval, bulkTimeout, 10, List.of("active"), 2);
	}

	/**
	 * The search query that keeps the configured statuses ({@code status:active}), or
	 * null for all products.
	 */
	String productQuery() {
		if (this.statuses.isEmpty()) {
			return null;
		}
		List<String> terms = this.statuses.stream().map((status) -> "status:" + status).toList();
		return (terms.size() == 1) ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
	}

	/** Whether a product of this status (as any API spells it) is imported. */
	public boolean imports(String status) {
		return this.statuses.isEmpty() || this.statuses.contains(status.strip().toLowerCase(Locale.ROOT));
	}

}
