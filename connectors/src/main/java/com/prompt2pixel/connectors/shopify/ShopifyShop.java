package com.prompt2pixel.connectors.shopify;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One merchant's shop as the Admin API sees it.
 *
 * @param shop the shop's {@code name.myshopify.com} domain, or a base URL
 * ({@code http://localhost:8089}) for a proxy or a test double
 * @param accessToken the Admin API access token, from a secret; never logged
 * @param apiVersion the Admin API version, e.g. {@code 2025-10}
 */
public record ShopifyShop(String shop, String accessToken, String apiVersion) {

	private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

	private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}|unstable");

	public ShopifyShop {
		shop = checkShop(shop);
		if (accessToken == null || accessToken.isBlank()) {
			throw new IllegalArgumentException("no Admin API access token for shop " + shop);
		}
		if (apiVersion == null || !VERSION.matcher(apiVersion).matches()) {
			throw new IllegalArgumentException(
					"Shopify API version '" + apiVersion + "' is not of the form YYYY-MM, e.g. 2025-10");
		}
	}

	/**
	 * Checks a shop as a merchant or an operator gives it.
	 * @throws IllegalArgumentException naming the problem
	 */
	public static String checkShop(String shop) {
		if (shop == null || shop.isBlank()) {
			throw new IllegalArgumentException("no Shopify shop given");
		}
		String lower = shop.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			URI.create(shop);
			return shop;
		}
		if (!DOMAIN.matcher(lower).matches()) {
			throw new IllegalArgumentException(
					"Shopify shop '" + shop + "' is not a shop domain like your-store.myshopify.com");
		}
		return lower;
	}

	/** The GraphQL endpoint: {@code https://<shop>/admin/api/<version>/graphql.json}. */
	public URI graphqlUri() {
		String base = this.shop.contains("://") ? this.shop : "https://" + this.shop;
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return URI.create(base + "/admin/api/" + this.apiVersion + "/graphql.json");
	}

	@Override
	public String toString() {
		return "ShopifyShop[" + this.shop + ", " + this.apiVersion + "]";
	}

}
