package com.prompt2pixel.expand;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.prompt2pixel.merchant.MerchantPolicies;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.system.IdRangePartitioner;
import com.prompt2pixel.task.CatalogImageJob;
import com.prompt2pixel.templates.ProductFacts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code expandPromptsStep}: the import's products -> render tasks, in parallel over id
 * ranges of products (a partitioned step: each range is a chunk step that restarts on its
 * own).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExpandProperties.class)
class ExpandPromptsStepConfiguration {

	private static final int CHUNK_SIZE = 500;

	private static final String PARTITION_STEP = CatalogImageJob.EXPAND_PROMPTS_STEP + ":partition";

	@Bean(CatalogImageJob.EXPAND_PROMPTS_STEP)
	Step expandPromptsStep(JobRepository jobRepository, ExpandProperties properties,
			IdRangePartitioner importedProductRanges, Step expandPromptsPartitionStep) {
		return new StepBuilder(CatalogImageJob.EXPAND_PROMPTS_STEP, jobRepository)
			.partitioner(PARTITION_STEP, importedProductRanges)
			.step(expandPromptsPartitionStep)
			.gridSize(properties.partitions())
			.taskExecutor(new SimpleAsyncTaskExecutor("expand-"))
			.build();
	}

	@Bean
	Step expandPromptsPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ExpandableProduct> importedProductReader, TaskDraftProcessor taskDraftProcessor,
			RenderTaskInsertWriter renderTaskInsertWriter) {
		return new StepBuilder(PARTITION_STEP, jobRepository).<ExpandableProduct, List<TaskDraft>>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(importedProductReader)
			.processor(taskDraftProcessor)
			.writer(renderTaskInsertWriter)
			.build();
	}

	/**
	 * An on-demand generation's tasks, planned from its request in one transaction (a
	 * handful of tasks; the step is redone whole if it fails).
	 */
	@Bean(CatalogImageJob.PLAN_GENERATION_STEP)
	Step planGenerationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OnDemandPlanner planner, JdbcTemplate jdbc, JsonMapper json, RunRepository runs) {
		return new StepBuilder(CatalogImageJob.PLAN_GENERATION_STEP, jobRepository).tasklet((contribution, context) -> {
			long runId = context.getStepContext().getStepExecution().getJobParameters().getLong(CatalogImageJob.RUN_ID);
			List<TaskDraft> drafts = planner.plan(runId);
			new RenderTaskInsertWriter(jdbc, json, runId, runs.get(runId).merchantId())
				.write(new Chunk<>(List.of(drafts)));
			contribution.incrementWriteCount(drafts.size());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * A retry's tasks: the FAILED tasks of the run it retries, copied as PENDING with
	 * everything that determines their pixels (product, scene and version, variant, seed,
	 * prompts, parameters, cache key), in one statement and one transaction.
	 */
	@Bean(CatalogImageJob.COPY_FAILED_TASKS_STEP)
	Step copyFailedTasksStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder(CatalogImageJob.COPY_FAILED_TASKS_STEP, jobRepository)
			.tasklet((contribution, context) -> {
				long runId = context.getStepContext()
					.getStepExecution()
					.getJobParameters()
					.getLong(CatalogImageJob.RUN_ID);
				int copied = jdbc.update(
						"""
								INSERT INTO render_task (run_id, merchant_id, product_id, template_set, template_id,
								                         template_version, variant, seed, prompt, negative_prompt, alt_text, params,
								                         state, matched_rule, cache_key)
								SELECT r.id, t.merchant_id, t.product_id, t.template_set, t.template_id, t.template_version,
								       t.variant, t.seed, t.prompt, t.negative_prompt, t.alt_text, t.params, 'PENDING', t.matched_rule,
								       t.cache_key
								FROM generation_run r JOIN render_task t ON t.run_id = r.retry_of
								WHERE r.id = ? AND t.state = 'FAILED'
								ORDER BY t.id""",
						runId);
				contribution.incrementWriteCount(copied);
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	IdRangePartitioner importedProductRanges(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			JdbcTemplate jdbc) {
		return IdRangePartitioner.importedProducts(jdbc, runs.get(runId).importId());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ExpandableProduct> importedProductReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			@Value("#{stepExecutionContext['" + IdRangePartitioner.MIN_ID + "']}") Long minId,
			@Value("#{stepExecutionContext['" + IdRangePartitioner.MAX_ID + "']}") Long maxId, RunRepository runs,
			DataSource dataSource) throws Exception {
		return new JdbcPagingItemReaderBuilder<ExpandableProduct>().name("importedProductReader")
			.dataSource(dataSource)
			.selectClause(
					"SELECT id, source_key, title, description, category, product_type, vendor, tags, image_sha256, size_cm")
			.fromClause("FROM product")
			.whereClause(
					"WHERE last_import_id = :importId AND id BETWEEN :minId AND :maxId AND image_sha256 IS NOT NULL")
			.parameterValues(Map.of("importId", runs.get(runId).importId(), "minId", minId, "maxId", maxId))
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(CHUNK_SIZE)
			.rowMapper((rs, row) -> new ExpandableProduct(rs.getLong("id"),
					new ProductFacts(rs.getString("source_key"), rs.getString("title"), rs.getString("description"),
							rs.getString("category"), rs.getString("product_type"), rs.getString("vendor"),
							List.of((String[]) rs.getArray("tags").getArray())),
					rs.getString("image_sha256"), (Double) rs.getObject("size_cm")))
			.build();
	}

	@Bean
	@StepScope
	TaskDraftProcessor taskDraftProcessor(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs,
			MerchantTemplates templates, MerchantPolicies policies, ImageGenerator generator, ProductMatte matte) {
		GenerationRun run = runs.get(runId);
		return new TaskDraftProcessor(new TaskPlanner(templates.expander(run.merchantId(), run.templateSet()),
				policies.forMerchant(run.merchantId()), run.merchantId(), run.variants(), generator, matte));
	}

	@Bean
	@StepScope
	RenderTaskInsertWriter renderTaskInsertWriter(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			RunRepository runs, JdbcTemplate jdbc, JsonMapper json) {
		return new RenderTaskInsertWriter(jdbc, json, runId, runs.get(runId).merchantId());
	}

}
