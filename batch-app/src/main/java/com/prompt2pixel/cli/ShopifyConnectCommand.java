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
				+ "P2P_SHOPIFY_TOKEN_<MERCHANT> when an import runs; it is never stored.")
class ShopifyConnectCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--shop", required = true, paramLabel = "DOMAIN",
			description = "the shop's your-store.myshopify.com domain")
	String shop;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			String stored = context.getBean(ShopifyConnections.class).connect(this.merchant, this.shop);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("merchant", this.merchant);
			json.put("shop", stored);
			json.put("token_variable", ShopifyProperties.tokenVariable(this.merchant));
			return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
		});
	}

}
