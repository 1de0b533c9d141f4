package com.prompt2pixel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.ingest.ShopifyConnections;
import com.prompt2pixel.ingest.ShopifyProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code shopify-connect}: records which shop a merchant's products come from. The access
 * token is a secret and is never stored: it is read from the environment when an import
 * runs.
 */
@Command(name = "shopify-connect", mixinStandardHelpOptions = true,
		description = "Connects a merchant to its Shopify shop, for import --shopify and for product webhooks. "
				+ "The Admin API access token (scope read_products) is read from the environment variable "
				+ "P2P_SHOPIFY_TOKEN_<MERCHANT> when an import runs; it is never stored. Webhooks are verified "
				+ "with the shared app's secret (P2P_SHOPIFY_WEBHOOK_SECRET) unless the merchant's own app's secret "
				+ "is named with --webhook-secret-env; naming a new one keeps the one before accepted until "
				+ "--revoke-previous-secret.")
class ShopifyConnectCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--shop", required = true, paramLabel = "DOMAIN",
			description = "the shop's your-store.myshopify.com domain")
	String shop;

	@Option(names = "--app", paramLabel = "NAME",
			description = "the name of the merchant's own Shopify app, for the log")
	String app;

	@Option(names = "--webhook-secret-env", paramLabel = "VAR",
			description = "the environment variable (P2P_SHOPIFY_SECRET_<NAME>) that holds the client secret of the "
					+ "merchant's own app, which signs its webhooks")
	String secretEnv;

	@Option(names = "--revoke-previous-secret",
			description = "end a secret rotation: refuse deliveries signed with the app's previous secret")
	boolean revokePrevious;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			ShopifyConnections connections = context.getBean(ShopifyConnections.class);
			String stored = connections.connect(this.merchant, this.shop, this.app, this.secretEnv);
			boolean revoked = this.revokePrevious && connections.revokePreviousSecret(this.merchant);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("merchant", this.merchant);
			json.put("shop", stored);
			json.put("token_variable", ShopifyProperties.tokenVariable(this.merchant));
			ShopifyConnections.WebhookApp webhooks = connections.webhookApp(this.merchant);
			json.put("webhook_app", webhooks.app());
			json.put("webhook_secret_variable", webhooks.secretVariable());
			json.put("previous_secret_variable", webhooks.previousVariable());
			if (this.revokePrevious) {
				json.put("previous_secret_revoked", revoked);
			}
			return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
		});
	}

}
