package com.prompt2pixel.expand;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.prompt2pixel.run.CatalogImageJob;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.templates.ProductFacts;
import com.prompt2pixel.templates.PromptExpander;
import com.prompt2pixel.templates.TemplateLibrary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code expandPromptsStep}: the import's products -> render tasks.
 */
@Configuration(proxyBeanMethods = false)
class ExpandPromptsStepConfiguration {

	private static final int CHUNK_SIZE = 50;

	@Bean(CatalogImageJob.EXPAND_PROMPTS_STEP)
	Step expandPromptsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ExpandableProduct> importedProductReader, TaskDraftProcessor taskDraftProcessor,
			RenderTaskInsertWriter renderTaskInsertWriter) {
		return new StepBuilder(CatalogImageJob.EXPAND_PROMPTS_STEP, jobRepository)
			.<ExpandableProduct, List<TaskDraft>>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(importedProductReader)
			.processor(taskDraftProcessor)
			.writer(renderTaskInsertWriter)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ExpandableProduct> importedProductReader(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			RunRepository runs, DataSource dataSource) throws Exception {
		return new JdbcPagingItemReaderBuilder<ExpandableProduct>().name("importedProductReader")
			.dataSource(dataSource)
			.selectClause("SELECT id, source_key, title, description, category, vendor")
			.fromClause("FROM product")
			.whereClause("WHERE last_import_id = :importId")
			.parameterValues(Map.of("importId", runs.get(runId).importId()))
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(CHUNK_SIZE)
			.rowMapper((rs, row) -> new ExpandableProduct(rs.getLong("id"),
					new ProductFacts(rs.getString("source_key"), rs.getString("title"), rs.getString("description"),
							rs.getString("category"), rs.getString("vendor"))))
			.build();
	}

	@Bean
	@StepScope
	TaskDraftProcessor taskDraftProcessor(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, RunRepository runs) {
		GenerationRun run = runs.get(runId);
		PromptExpander expander = new PromptExpander(TemplateLibrary.fromClasspath().load(run.templateSet()));
		return new TaskDraftProcessor(expander, run.merchantId(), run.variants());
	}

	@Bean
	@StepScope
	RenderTaskInsertWriter renderTaskInsertWriter(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId,
			JdbcTemplate jdbc, JsonMapper json) {
		return new RenderTaskInsertWriter(jdbc, json, runId);
	}

}
