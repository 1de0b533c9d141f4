package com.prompt2pixel.ingest;

import java.util.Optional;

import com.prompt2pixel.connectors.shopify.ShopifyShop;
import com.prompt2pixel.merchant.Merchants;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which shop each merchant connected, and its access token from the environment.
 */
@Repository
public class ShopifyConnections {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final Environment environment;

	private final ShopifyProperties properties;

	ShopifyConnections(JdbcTemplate jdbc, Merchants merchants, Environment environment, ShopifyProperties properties) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.environment = environment;
		this.properties = properties;
	}

	/**
	 * Connects the merchant to the shop, replacing an earlier connection.
	 * @return the shop as stored
	 * @throws InvalidImportRequestException when the shop is no shop domain or another
	 * merchant has it
	 */
	public String connect(String merchantId, String shop) {
		String checked;
		try {
			Merchants.checkId(merchantId);
			checked = ShopifyShop.checkShop(shop);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidImportRequestException(ex.getMessage(), ex);
		}
		this.merchants.ensure(merchantId);
		try {
			this.jdbc.update("UPDATE merchant SET shopify_shop = ? WHERE id = ?", checked, merchantId);
		}
		catch (DuplicateKeyException ex) {
			String owner = merchantFor(checked).orElse("another merchant");
			throw new InvalidImportRequestException(
					"shop " + checked + " is already connected to merchant '" + owner + "'", ex);
		}
		return checked;
	}

	/** The merchant that connected the shop, if any. */
	public Optional<String> merchantFor(String shop) {
		return this.jdbc.queryForList("SELECT id FROM merchant WHERE shopify_shop = lower(?)", String.class, shop)
			.stream()
			.findFirst();
	}

	/**
	 * The merchant's shop, with its token, ready to query.
	 * @throws InvalidImportRequestException when the merchant connected none or its token
	 * is not in the environment
	 */
	public ShopifyShop shop(String merchantId) {
		String shop = this.jdbc.queryForList("SELECT shopify_shop FROM merchant WHERE id = ?", String.class, merchantId)
			.stream()
			.filter((value) -> value != null)
			.findFirst()
			.orElseThrow(() -> new InvalidImportRequestException("merchant '" + merchantId
					+ "' has no Shopify shop connected; connect one with: shopify-connect --merchant " + merchantId
					+ " --shop your-store.myshopify.com"));
		String variable = ShopifyProperties.tokenVariable(merchantId);
		String token = this.environment.getProperty(variable, "");
		if (token.isBlank()) {
			throw new InvalidImportRequestException("no Admin API access token for merchant '" + merchantId + "' (shop "
					+ shop + "): set the environment variable " + variable);
		}
		return new ShopifyShop(shop, token, this.properties.apiVersion());
	}

}
