package com.prompt2pixel.moderate;

import javax.sql.DataSource;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.models.TorchImageClassifier;
import com.prompt2pixel.models.checks.SafetyCheck;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.system.EnvironmentProblem;
import com.prompt2pixel.system.ProductPhotos;
import com.prompt2pixel.task.CatalogImageJob;
import com.prompt2pixel.task.RenderTask;
import com.prompt2pixel.task.RenderTaskReaders;
import com.prompt2pixel.task.TaskImages;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.task.TaskStateUpdates;
import com.prompt2pixel.webhook.WebhookOutbox;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * {@code moderateImagesStep}: GENERATED tasks -> verdicts -> APPROVED or NEEDS_REVIEW
 * (what a check flags, and what the merchant's {@link ReviewPolicy} holds of the rest).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModerationProperties.class)
class ModerateImagesStepConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ModerateImagesStepConfiguration.class);

	private static final int CHUNK_SIZE = 20;

	@Bean(CatalogImageJob.MODERATE_IMAGES_STEP)
	Step moderateImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<RenderTask> generatedTaskReader, ModerationProcessor moderationProcessor,
			TaskStateUpdates updates, TaskImages images, WebhookOutbox outbox) {
		return new StepBuilder(CatalogImageJob.MODERATE_IMAGES_STEP, jobRepository)
			.<RenderTask, ModerationVerdict>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(generatedTaskReader)
			.processor(moderationProcessor)
			.writer(new ModerationWriter(updates, images, outbox))
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<RenderTask> generatedTaskReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			DataSource dataSource) throws Exception {
		return RenderTaskReaders.inState("generatedTaskReader", dataSource, runId, TaskState.GENERATED);
	}

	@Bean
	@StepScope
	ModerationProcessor moderationProcessor(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, ImageStore store,
			ModerationProperties properties, JdbcTemplate jdbc, ProductPhotos photos, ProductMatte productMatte,
			SafetyCheck safetyCheck, JsonMapper json, RunRepository runs, ReviewPolicies policies) {
		return new ModerationProcessor(runId, store, jdbc, photos, productMatte, properties, safetyCheck, json,
				policies.of(runs.get(runId).merchantId()));
	}

	/**
	 * The safety check with its classifier ({@code p2p.moderate.safety.*}), loaded once;
	 * a classifier that cannot load stops the application at start. Closed with the
	 * context.
	 */
	@Bean
	SafetyCheck safetyCheck(ModerationProperties properties) {
		ModerationProperties.Safety safety = properties.safety();
		if (safety.modelDir() == null) {
			logger.info("p2p.moderate.safety: no classifier; images are not checked for unsafe content");
			return new SafetyCheck(null, safety.maxUnsafe());
		}
		try {
			return new SafetyCheck(TorchImageClassifier.load(safety.modelDir(), safety.device()), safety.maxUnsafe());
		}
		catch (IllegalArgumentException ex) {
			throw new EnvironmentProblem("p2p.moderate.safety: " + ex.getMessage(), ex);
		}
	}

}
