package com.prompt2pixel.ingest;

import java.time.Duration;
import java.util.Locale;

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
 * @param webhookSecret the app's client secret, which signs its webhooks; webhooks are
 * refused while it is empty
 * @param webhookMaxAge a delivery triggered longer ago than this
 * ({@code X-Shopify-Triggered-At}) is acknowledged and not applied
 */
@ConfigurationProperties("p2p.shopify")
public record ShopifyProperties(String apiVersion, int bulkThreshold, Duration pollInterval, Duration bulkTimeout,
		Duration requestTimeout, String webhookSecret, Duration webhookMaxAge) {

	public ShopifyProperties {
		if (bulkThreshold < 0) {
			throw new IllegalArgumentException("p2p.shopify.bulk-threshold must be 0 or more, was " + bulkThreshold);
		}
		webhookSecret = (webhookSecret != null) ? webhookSecret : "";
	}

	/** The environment variable that holds the merchant's access token. */
	public static String tokenVariable(String merchantId) {
		return "P2P_SHOPIFY_TOKEN_" + merchantId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

	/** Without the webhook secret: the properties may be logged, the secret never. */
	@Override
	public String toString() {
		return "ShopifyProperties[apiVersion=" + this.apiVersion + ", bulkThreshold=" + this.bulkThreshold
				+ ", pollInterval=" + this.pollInterval + ", bulkTimeout=" + this.bulkTimeout + ", requestTimeout="
				+ this.requestTimeout + ", webhookSecret=" + (this.webhookSecret.isEmpty() ? "(none)" : "(secret)")
				+ ", webhookMaxAge=" + this.webhookMaxAge + "]";
	}
}
