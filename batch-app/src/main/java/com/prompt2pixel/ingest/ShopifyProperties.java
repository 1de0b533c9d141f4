package com.prompt2pixel.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.prompt2pixel.connectors.shopify.ShopifyReadSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Shopify connector. Each merchant's Admin API access token is a secret: it comes
 * from the environment variable {@code P2P_SHOPIFY_TOKEN_<MERCHANT>} (the merchant id in
 * capitals, other characters as {@code _}), never from the database.
 *
 * @param apiVersion the Admin API version queried
 * @param bulkThreshold from this many products on, an import reads the shop with a bulk
 * operation instead of paged queries
 * @param pollInterval how often a bulk operation's status is asked for
 * @param bulkTimeout how long a bulk operation may run before the import fails
 * @param requestTimeout how long one API request may take
 * @param mediaLimit media imported per product, whichever way the shop is read
 * @param statuses the product statuses imported; others are left out, and a webhook that
 * moves a product to one of them marks it removed
 * @param bulkRestarts how often a bulk operation failed with
 * {@code INTERNAL_SERVER_ERROR} is started again
 * @param webhookSecret the shared app's client secret, which signs its webhooks; a
 * merchant connected through an app of its own names that app's secret instead
 * @param webhookPreviousSecret the shared app's secret before a rotation, accepted until
 * it is removed; empty when none
 * @param webhookMaxAge a delivery triggered longer ago than this
 * ({@code X-Shopify-Triggered-At}) is acknowledged and not applied
 */
@ConfigurationProperties("p2p.shopify")
public record ShopifyProperties(String apiVersion, int bulkThreshold, Duration pollInterval, Duration bulkTimeout,
		Duration requestTimeout, int mediaLimit, List<String> statuses, int bulkRestarts, String webhookSecret,
		String webhookPreviousSecret, Duration webhookMaxAge) {

	public ShopifyProperties {
		if (bulkThreshold < 0) {
			throw new IllegalArgumentException("p2p.shopify.bulk-threshold must be 0 or more, was " + bulkThreshold);
		}
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
		webhookSecret = (webhookSecret != null) ? webhookSecret : "";
		webhookPreviousSecret = (webhookPreviousSecret != null) ? webhookPreviousSecret : "";
		// checked at start, with the setting's name (the fields are not assigned yet)
		new ShopifyReadSettings(bulkThreshold, pollInterval, bulkTimeout, mediaLimit, statuses, bulkRestarts);
	}

	/** How imports read a shop. */
	public ShopifyReadSettings readSettings() {
		return new ShopifyReadSettings(this.bulkThreshold, this.pollInterval, this.bulkTimeout, this.mediaLimit,
				this.statuses, this.bulkRestarts);
	}

	/** The environment variable that holds the merchant's access token. */
	public static String tokenVariable(String merchantId) {
		return "P2P_SHOPIFY_TOKEN_" + merchantId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

	/** Without the webhook secrets: the properties may be logged, the secrets never. */
	@Override
	public String toString() {
		return "ShopifyProperties[apiVersion=" + this.apiVersion + ", bulkThreshold=" + this.bulkThreshold
				+ ", pollInterval=" + this.pollInterval + ", bulkTimeout=" + this.bulkTimeout + ", requestTimeout="
				+ this.requestTimeout + ", mediaLimit=" + this.mediaLimit + ", statuses=" + this.statuses
				+ ", bulkRestarts=" + this.bulkRestarts + ", webhookSecret=" + secret(this.webhookSecret)
				+ ", webhookPreviousSecret=" + secret(this.webhookPreviousSecret) + ", webhookMaxAge="
				+ this.webhookMaxAge + "]";
	}

	private static String secret(String value) {
		return value.isEmpty() ? "(none)" : "(secret)";
	}

}
