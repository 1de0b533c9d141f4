package com.prompt2pixel.generate;

import javax.sql.DataSource;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.system.IdRangePartitioner;
import com.prompt2pixel.system.ProductPhotos;
import com.prompt2pixel.task.CatalogImageJob;
import com.prompt2pixel.task.RenderTask;
import com.prompt2pixel.task.RenderTaskReaders;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.task.TaskStateUpdates;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code generateImagesStep}: PENDING tasks -> generator requests -> stored images. A
 * partitioned step: the run's tasks are split into id ranges, and each range is a chunk
 * step ({@value CatalogImageJob#GENERATE_IMAGES_PARTITION_STEP}) that a worker node, or a
 * thread of this process, executes and restarts on its own. Where the partitions go is
 * the {@link #GENERATE_PARTITION_HANDLER}'s choice.
 */
@Configuration(proxyBeanMethods = false)
public class GenerateImagesStepConfiguration {

	/** The bean that hands the partitions out: to worker nodes or to local threads. */
	public static final String GENERATE_PARTITION_HANDLER = "generatePartitionHandler";

	@Bean(CatalogImageJob.GENERATE_IMAGES_STEP)
	Step generateImagesStep(JobRepository jobRepository, IdRangePartitioner runTaskRanges,
			@Qualifier(GENERATE_PARTITION_HANDLER) PartitionHandler partitionHandler) {
		return new StepBuilder(CatalogImageJob.GENERATE_IMAGES_STEP, jobRepository)
			.partitioner(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP, runTaskRanges)
			.partitionHandler(partitionHandler)
			.build();
	}

	@Bean(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP)
	Step generateImagesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenerateProperties properties, JdbcPagingItemReader<RenderTask> pendingTaskReader,
			GenerationInputProcessor generationInputProcessor, GenerateImagesWriter generateImagesWriter) {
		return new StepBuilder(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP, jobRepository)
			.<RenderTask, GenerationInput>chunk(properties.batchSize())
			.transactionManager(transactionManager)
			.reader(pendingTaskReader)
			.processor(generationInputProcessor)
			.writer(generateImagesWriter)
			.build();
	}

	@Bean
	@StepScope
	IdRangePartitioner runTaskRanges(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, JdbcTemplate jdbc) {
		return IdRangePartitioner.runTasks(jdbc, runId);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<RenderTask> pendingTaskReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			@Value("#{stepExecutionContext['" + IdRangePartitioner.MIN_ID + "']}") Long minId,
			@Value("#{stepExecutionContext['" + IdRangePartitioner.MAX_ID + "']}") Long maxId, DataSource dataSource)
			throws Exception {
		return RenderTaskReaders.inStateAndRange("pendingTaskReader", dataSource, runId, TaskState.PENDING, minId,
				maxId);
	}

	@Bean
	@StepScope
	GenerationInputProcessor generationInputProcessor(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			RunRepository runs, JdbcTemplate jdbc, JsonMapper json, ProductPhotos photos, ProductMatte matte) {
		return new GenerationInputProcessor(jdbc, json, photos, runs.get(runId).merchantId(), matte);
	}

	@Bean
	@StepScope
	GenerateImagesWriter generateImagesWriter(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			ImageGenerator generator, ImageStore store, ImageEncoding encoding, TaskStateUpdates updates,
			GpuLanes lanes) {
		return new GenerateImagesWriter(generator, store, encoding, updates, runs.get(runId).merchantId(), lanes,
				runs.isOnDemand(runId));
	}

}
