package com.prompt2pixel.ingest;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.prompt2pixel.connectors.shopify.Pause;
import com.prompt2pixel.connectors.shopify.ShopifyClient;
import com.prompt2pixel.connectors.shopify.ShopifyShop;
import com.prompt2pixel.system.RetryProperties;
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

	/** Not a token's variable: a token is no signing key. */
	private static final Pattern SECRET_VARIABLE = Pattern.compile("P2P_SHOPIFY_(?!TOKEN_)[A-Z0-9_]+");

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final Environment environment;

	private final ShopifyProperties properties;

	private final RetryProperties retry;

	ShopifyConnections(JdbcTemplate jdbc, Merchants merchants, Environment environment, ShopifyProperties properties,
			RetryProperties retry) {
		this.retry = retry;
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.environment = environment;
		this.properties = properties;
	}

	/**
	 * Connects the merchant to the shop, replacing an earlier connection; its webhook
	 * secret stays as it was.
	 * @return the shop as stored
	 * @throws InvalidImportRequestException when the shop is no shop domain or another
	 * merchant has it
	 */
	public String connect(String merchantId, String shop) {
		return connect(merchantId, shop, null, null);
	}

	/**
	 * Connects the merchant to the shop through an app of its own, whose client secret
	 * (which signs the app's webhooks) is in the environment variable {@code secretEnv}.
	 * A different variable than before starts a rotation: the one before stays accepted
	 * until {@link #revokePreviousSecret}.
	 * @param app the app's name, for the log; null keeps the name it had
	 * @param secretEnv null keeps the secret as it was
	 * @return the shop as stored
	 */
	public String connect(String merchantId, String shop, String app, String secretEnv) {
		if (secretEnv != null) {
			checkSecretVariable(secretEnv);
		}
		String stored = connectShop(merchantId, shop);
		if (secretEnv != null) {
			// the variable in use becomes the previous one, unless it is named again
			this.jdbc.update("""
					UPDATE merchant SET shopify_previous_secret_env = CASE
					         WHEN shopify_secret_env IS DISTINCT FROM ? THEN shopify_secret_env
					         ELSE shopify_previous_secret_env END,
					       shopify_secret_env = ?
					WHERE id = ?""", secretEnv, secretEnv, merchantId);
		}
		if (app != null) {
			this.jdbc.update("UPDATE merchant SET shopify_app = ? WHERE id = ?", app.strip(), merchantId);
		}
		return stored;
	}

	/**
	 * Ends a rotation: deliveries signed with the app's previous secret are refused from
	 * now on.
	 * @return whether there was a previous secret
	 */
	public boolean revokePreviousSecret(String merchantId) {
		return this.jdbc.update("""
				UPDATE merchant SET shopify_previous_secret_env = NULL
				WHERE id = ? AND shopify_previous_secret_env IS NOT NULL""", merchantId) == 1;
	}

	/**
	 * A secret may only come from a variable of this application's own: a name chosen
	 * through the connection must not turn another service's credential into a key that
	 * answers whether a signature matches.
	 */
	private static void checkSecretVariable(String name) {
		if (!SECRET_VARIABLE.matcher(name).matches()) {
			throw new InvalidImportRequestException("webhook secret variable '" + name
					+ "' is not of the form P2P_SHOPIFY_SECRET_<NAME> (capitals, digits and _)");
		}
	}

	/**
	 * The secrets a merchant's webhook deliveries may be signed with, the current one
	 * first: its own app's, or the shared app's when it has none or is unknown.
	 */
	public WebhookSecrets webhookSecrets(Optional<String> merchantId) {
		List<Map<String, Object>> rows = merchantId.map((id) -> this.jdbc.queryForList("""
				SELECT shopify_app, shopify_secret_env, shopify_previous_secret_env FROM merchant
				WHERE id = ? AND shopify_secret_env IS NOT NULL""", id)).orElse(List.of());
		if (rows.isEmpty()) {
			return new WebhookSecrets("the shared app", "p2p.shopify.webhook-secret (P2P_SHOPIFY_WEBHOOK_SECRET)",
					present(this.properties.webhookSecret(), this.properties.webhookPreviousSecret()));
		}
		Map<String, Object> row = rows.get(0);
		String current = (String) row.get("shopify_secret_env");
		String previous = (String) row.get("shopify_previous_secret_env");
		String app = (row.get("shopify_app") != null) ? "app '" + row.get("shopify_app") + "'" : "the merchant's app";
		return new WebhookSecrets(app, "the environment variable " + current,
				present(this.environment.getProperty(current, ""),
						(previous != null) ? this.environment.getProperty(previous, "") : ""));
	}

	/**
	 * The current secret missing refuses every delivery: a previous secret alone is no
	 * key to trust.
	 */
	private static List<String> present(String current, String previous) {
		if (current.isEmpty()) {
			return List.of();
		}
		return previous.isEmpty() ? List.of(current) : List.of(current, previous);
	}

	/**
	 * Which app signs the merchant's webhooks, as the CLI shows it: the variable names,
	 * never the secrets.
	 */
	public WebhookApp webhookApp(String merchantId) {
		return this.jdbc
			.queryForList("""
					SELECT shopify_app, shopify_secret_env, shopify_previous_secret_env FROM merchant WHERE id = ?""",
					merchantId)
			.stream()
			.findFirst()
			.filter((row) -> row.get("shopify_secret_env") != null)
			.map((row) -> new WebhookApp((row.get("shopify_app") != null) ? (String) row.get("shopify_app") : "own",
					(String) row.get("shopify_secret_env"), (String) row.get("shopify_previous_secret_env")))
			.orElse(new WebhookApp("shared", "P2P_SHOPIFY_WEBHOOK_SECRET",
					this.properties.webhookPreviousSecret().isEmpty() ? null : "P2P_SHOPIFY_WEBHOOK_PREVIOUS_SECRET"));
	}

	/**
	 * @param app the app's name, or {@code shared}
	 * @param secretVariable where its secret is set
	 * @param previousVariable where the secret before a rotation is set, or null
	 */
	public record WebhookApp(String app, String secretVariable, String previousVariable) {
	}

	/**
	 * The secrets of one app.
	 *
	 * @param app which app, in words
	 * @param source where its current secret is set
	 * @param secrets the current secret, then the previous one during a rotation; empty
	 * while the current one is not set
	 */
	public record WebhookSecrets(String app, String source, List<String> secrets) {

		@Override
		public String toString() {
			return "WebhookSecrets[" + this.app + ", " + this.secrets.size() + " secret(s)]";
		}

	}

	private String connectShop(String merchantId, String shop) {
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

	/** The shop the merchant connected, if any. */
	public Optional<String> shopOf(String merchantId) {
		return this.jdbc
			.queryForList("SELECT shopify_shop FROM merchant WHERE id = ? AND shopify_shop IS NOT NULL", String.class,
					merchantId)
			.stream()
			.findFirst();
	}

	/** The merchant that connected the shop, if any. */
	public Optional<String> merchantFor(String shop) {
		return this.jdbc.queryForList("SELECT id FROM merchant WHERE shopify_shop = lower(?)", String.class, shop)
			.stream()
			.findFirst();
	}

	/**
	 * A client of the merchant's shop within its throttle, retrying by the application's
	 * policy.
	 * @throws InvalidImportRequestException when the merchant connected no shop or its
	 * token is not in the environment
	 */
	public ShopifyClient client(String merchantId) {
		return new ShopifyClient(HttpClient.newBuilder()
			.connectTimeout(this.properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build(), shop(merchantId), this.properties.requestTimeout(), this.retry.policy(), Pause.SLEEP);
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
