package com.prompt2pixel.ingest;

import java.nio.file.Files;
import java.util.Locale;

import com.prompt2pixel.connectors.shopify.Pause;
import com.prompt2pixel.connectors.shopify.ShopifyClient;
import com.prompt2pixel.connectors.shopify.ShopifyException;
import com.prompt2pixel.connectors.shopify.ShopifyProductExport;
import com.prompt2pixel.connectors.shopify.ShopifyShop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code fetchCatalogStep}: for an import from the Shopify API, reads the shop into the
 * import's snapshot file, which the next steps import like any catalog file. Nothing to
 * do for a file import, or on a restart that finds the snapshot written: a resumed import
 * carries on with the same products.
 */
class FetchShopifyProducts implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(FetchShopifyProducts.class);

	private final CatalogImport catalogImport;

	private final ShopifyConnections connections;

	private final ShopifyProperties properties;

	private final CatalogImports imports;

	FetchShopifyProducts(CatalogImport catalogImport, ShopifyConnections connections, ShopifyProperties properties,
			CatalogImports imports) {
		this.catalogImport = catalogImport;
		this.connections = connections;
		this.properties = properties;
		this.imports = imports;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String read = this.catalogImport.shopifyRead();
		if (read == null || Files.exists(this.catalogImport.file())) {
			return RepeatStatus.FINISHED;
		}
		ShopifyClient client = this.connections.client(this.catalogImport.merchantId());
		ShopifyShop shop = client.shop();
		this.imports.started(this.catalogImport.id(), "shopify-api, " + read.toLowerCase(Locale.ROOT), "media");
		ShopifyProductExport.Result result;
		try {
			result = new ShopifyProductExport(client, this.properties.readSettings(), Pause.SLEEP)
				.export(this.catalogImport.file(), ShopifyProductExport.Mode.valueOf(read));
		}
		catch (ShopifyException ex) {
			// a refused token, a failed bulk operation: the shop's answer, in one line
			ExpectedFailure.fail(contribution.getStepExecution(), ex);
			return RepeatStatus.FINISHED;
		}
		this.imports.note(this.catalogImport.id(), result.note());
		logger.info("import {}: read {} products of shop {} ({})", this.catalogImport.id(), result.products(),
				shop.shop(), result.mode());
		return RepeatStatus.FINISHED;
	}

}
