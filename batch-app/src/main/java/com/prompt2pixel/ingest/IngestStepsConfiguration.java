package com.prompt2pixel.ingest;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.system.PhotoProperties;
import com.prompt2pixel.system.ProductPhotos;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest steps, and {@code catalogImportJob}: fetch (a Shopify shop's products) ->
 * stage -> merge -> report. A run's {@code catalogImageJob} uses the same steps, with the
 * photo check between merge and report.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestProperties.class, ShopifyProperties.class })
class IngestStepsConfiguration {

	/**
	 * Batches of {@link CatalogEntryReader#BATCH} entries per transaction: each commit
	 * costs a disk flush, and a million-row catalog should not pay thousands.
	 */
	private static final int STAGE_CHUNK_SIZE = 10;

	/**
	 * Photos may come over HTTP; small chunks keep a slow server's cost per retry low.
	 */
	private static final int PHOTO_CHUNK_SIZE = 20;

	@Bean(CatalogImportJob.NAME)
	Job catalogImportJob(JobRepository jobRepository, @Qualifier(CatalogImportJob.FETCH_CATALOG_STEP) Step fetch,
			@Qualifier(CatalogImportJob.STAGE_CATALOG_STEP) Step stage,
			@Qualifier(CatalogImportJob.MERGE_CATALOG_STEP) Step merge,
			@Qualifier(CatalogImportJob.WRITE_IMPORT_REPORT_STEP) Step report) {
		return new JobBuilder(CatalogImportJob.NAME, jobRepository).start(fetch)
			.next(stage)
			.next(merge)
			.next(report)
			.build();
	}

	/**
	 * Talks to Shopify outside any database transaction: a bulk read can take minutes.
	 */
	@Bean(CatalogImportJob.FETCH_CATALOG_STEP)
	Step fetchCatalogStep(JobRepository jobRepository, FetchShopifyProducts fetchShopifyProducts,
			ImportFailureListener failureListener) {
		return new StepBuilder(CatalogImportJob.FETCH_CATALOG_STEP, jobRepository)
			.tasklet(fetchShopifyProducts, new ResourcelessTransactionManager())
			.listener(failureListener)
			.build();
	}

	@Bean
	@StepScope
	FetchShopifyProducts fetchShopifyProducts(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId,
			CatalogImports imports, ShopifyConnections connections, ShopifyProperties properties) {
		return new FetchShopifyProducts(imports.get(importId), connections, properties, imports);
	}

	@Bean(CatalogImportJob.STAGE_CATALOG_STEP)
	Step stageCatalogStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CatalogEntryReader catalogEntryReader, ProductStagingProcessor productStagingProcessor,
			StagingWriter stagingWriter, ImportFailureListener failureListener) {
		return new StepBuilder(CatalogImportJob.STAGE_CATALOG_STEP, jobRepository)
			.<List<StagedEntry>, List<StagedEntry>>chunk(STAGE_CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(catalogEntryReader)
			.processor(productStagingProcessor)
			.writer(stagingWriter)
			.listener(failureListener)
			.build();
	}

	/**
	 * The tasklet runs its own transactions: its problems must be kept when the skip
	 * limit then fails the step.
	 */
	@Bean(CatalogImportJob.MERGE_CATALOG_STEP)
	Step mergeCatalogStep(JobRepository jobRepository, CatalogMerge catalogMerge,
			ImportFailureListener failureListener) {
		return new StepBuilder(CatalogImportJob.MERGE_CATALOG_STEP, jobRepository)
			.tasklet(catalogMerge, new ResourcelessTransactionManager())
			.listener(failureListener)
			.build();
	}

	/**
	 * A chunk's photos are fetched at once, up to {@code p2p.photos.parallel-fetches}
	 * (Spring Batch 6 processes a chunk's items on the step's task executor; reading and
	 * writing stay on the step's thread, in its transaction): a slow address holds up one
	 * fetch, not the step.
	 */
	@Bean(CatalogImportJob.CHECK_PHOTOS_STEP)
	Step checkPhotosStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ProductPhoto> importedPhotoReader, PhotoCheckProcessor photoCheckProcessor,
			PhotoCheckWriter photoCheckWriter, PhotoProperties photos) {
		// a thread per fetch, at most parallel-fetches at once across every run (the step
		// is one bean); not an Executor bean, which would displace Spring Boot's own
		SimpleAsyncTaskExecutor photoFetches = new SimpleAsyncTaskExecutor("photo-fetch-");
		photoFetches.setConcurrencyLimit(photos.parallelFetches());
		photoFetches.setDaemon(true);
		return new StepBuilder(CatalogImportJob.CHECK_PHOTOS_STEP, jobRepository)
			.<ProductPhoto, PhotoCheck>chunk(PHOTO_CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(importedPhotoReader)
			.processor(photoCheckProcessor)
			.writer(photoCheckWriter)
			.taskExecutor(photoFetches)
			.build();
	}

	@Bean(CatalogImportJob.WRITE_IMPORT_REPORT_STEP)
	Step writeImportReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ImportReports reports) {
		return new StepBuilder(CatalogImportJob.WRITE_IMPORT_REPORT_STEP, jobRepository)
			.tasklet((contribution, context) -> {
				reports.write(context.getStepContext()
					.getStepExecution()
					.getJobParameters()
					.getLong(CatalogImportJob.IMPORT_ID));
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	CatalogEntryReader catalogEntryReader(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId,
			CatalogImports imports) {
		return new CatalogEntryReader(imports.get(importId), imports);
	}

	@Bean
	@StepScope
	ProductStagingProcessor productStagingProcessor(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId,
			CatalogImports imports, ProductImageSource images) {
		CatalogImport catalogImport = imports.get(importId);
		return new ProductStagingProcessor(catalogImport.file(), catalogImport.photoRoot(), images,
				() -> imports.imageColumn(importId));
	}

	@Bean
	@StepScope
	StagingWriter stagingWriter(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId, JdbcTemplate jdbc,
			CatalogImports imports) {
		return new StagingWriter(jdbc, imports, importId);
	}

	@Bean
	@StepScope
	CatalogMerge catalogMerge(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, ImportReports reports, CatalogImports imports,
			IngestProperties properties) {
		return new CatalogMerge(jdbc, new TransactionTemplate(transactionManager), reports, imports,
				imports.get(importId), properties.skipLimit(), properties.removalLimit());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ProductPhoto> importedPhotoReader(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId,
			DataSource dataSource) throws Exception {
		return new JdbcPagingItemReaderBuilder<ProductPhoto>().name("importedPhotoReader")
			.dataSource(dataSource)
			.selectClause("SELECT id, source_row, image_url")
			.fromClause("FROM product")
			.whereClause("WHERE last_import_id = :importId")
			.parameterValues(Map.of("importId", importId))
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(PHOTO_CHUNK_SIZE)
			.rowMapper((rs, row) -> new ProductPhoto(rs.getLong("id"), rs.getLong("source_row"),
					rs.getString("image_url")))
			.build();
	}

	@Bean
	@StepScope
	PhotoCheckProcessor photoCheckProcessor(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId,
			CatalogImports imports, ProductPhotos photos, ProductMatte matte) {
		return new PhotoCheckProcessor(photos, imports.get(importId).merchantId(), new MatteCheck(matte));
	}

	@Bean
	@StepScope
	PhotoCheckWriter photoCheckWriter(@Value(CatalogImportJob.IMPORT_ID_PARAMETER) Long importId, JdbcTemplate jdbc,
			CatalogImports imports) {
		return new PhotoCheckWriter(jdbc, imports, importId);
	}

}
