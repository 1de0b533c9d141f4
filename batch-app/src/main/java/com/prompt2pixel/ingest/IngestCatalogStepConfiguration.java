package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.run.CatalogImageJob;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code ingestCatalogStep}: catalog lines -> product drafts -> upserted products.
 */
@Configuration(proxyBeanMethods = false)
class IngestCatalogStepConfiguration {

	private static final int CHUNK_SIZE = 100;

	@Bean(CatalogImageJob.INGEST_CATALOG_STEP)
	Step ingestCatalogStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CatalogLineReader catalogLineReader, ProductDraftProcessor productDraftProcessor,
			ProductUpsertWriter productUpsertWriter) {
		return new StepBuilder(CatalogImageJob.INGEST_CATALOG_STEP, jobRepository)
			.<CatalogLine, ProductDraft>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(catalogLineReader)
			.processor(productDraftProcessor)
			.writer(productUpsertWriter)
			.build();
	}

	@Bean
	@StepScope
	CatalogLineReader catalogLineReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs) {
		return new CatalogLineReader(runs.get(runId).catalogFile());
	}

	@Bean
	@StepScope
	ProductDraftProcessor productDraftProcessor(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			ProductImageSource images, ImportCounts counts) {
		GenerationRun run = runs.get(runId);
		return new ProductDraftProcessor(run.catalogFile(), images, counts, run.importId());
	}

	@Bean
	@StepScope
	ProductUpsertWriter productUpsertWriter(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			JdbcTemplate jdbc, ImportCounts counts) {
		GenerationRun run = runs.get(runId);
		return new ProductUpsertWriter(jdbc, counts, run.merchantId(), run.importId());
	}

}
