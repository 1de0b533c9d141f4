package com.prompt2pixel.publish;

import javax.sql.DataSource;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.task.CatalogImageJob;
import com.prompt2pixel.task.RenderTask;
import com.prompt2pixel.task.RenderTaskReaders;
import com.prompt2pixel.task.TaskStateUpdates;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code publishImagesStep}: APPROVED tasks -> files in the output folder; then
 * {@code publishToTargetsStep}: those images to the merchant's targets; then
 * {@code writeManifestStep}: the manifest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
class PublishImagesStepConfiguration {

	private static final int CHUNK_SIZE = 20;

	@Bean(CatalogImageJob.PUBLISH_IMAGES_STEP)
	Step publishImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<RenderTask> publishableTaskReader, PublicationItemProcessor publicationItemProcessor,
			FolderPublicationWriter folderPublicationWriter) {
		return new StepBuilder(CatalogImageJob.PUBLISH_IMAGES_STEP, jobRepository)
			.<RenderTask, PublicationItem>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(publishableTaskReader)
			.processor(publicationItemProcessor)
			.writer(folderPublicationWriter)
			.build();
	}

	@Bean(CatalogImageJob.PUBLISH_TO_TARGETS_STEP)
	Step publishToTargetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PublishToTargetsTasklet publishToTargetsTasklet) {
		return new StepBuilder(CatalogImageJob.PUBLISH_TO_TARGETS_STEP, jobRepository)
			.tasklet(publishToTargetsTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	PublishToTargetsTasklet publishToTargetsTasklet(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			RunRepository runs, TargetPublishing publishing) {
		return new PublishToTargetsTasklet(runs.get(runId), publishing);
	}

	@Bean(CatalogImageJob.WRITE_MANIFEST_STEP)
	Step writeManifestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ManifestTasklet manifestTasklet) {
		return new StepBuilder(CatalogImageJob.WRITE_MANIFEST_STEP, jobRepository)
			.tasklet(manifestTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<RenderTask> publishableTaskReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			DataSource dataSource) throws Exception {
		return RenderTaskReaders.publishable("publishableTaskReader", dataSource, runId);
	}

	@Bean
	PublicationItemProcessor publicationItemProcessor(ImageStore store, JdbcTemplate jdbc) {
		return new PublicationItemProcessor(store, jdbc);
	}

	@Bean
	@StepScope
	FolderPublicationWriter folderPublicationWriter(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			RunRepository runs, JdbcTemplate jdbc, TaskStateUpdates updates) {
		return new FolderPublicationWriter(new FolderPublisher(runs.get(runId).outDir()), jdbc, updates);
	}

	@Bean
	@StepScope
	ManifestTasklet manifestTasklet(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			JdbcTemplate jdbc) {
		return new ManifestTasklet(jdbc, new FolderPublisher(runs.get(runId).outDir()), runId);
	}

}
