package com.prompt2pixel.billing;

import com.prompt2pixel.task.CatalogImageJob;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code billRunStep}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillRunStepConfiguration {

	@Bean(CatalogImageJob.BILL_RUN_STEP)
	Step billRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BillRunTasklet billRunTasklet) {
		return new StepBuilder(CatalogImageJob.BILL_RUN_STEP, jobRepository).tasklet(billRunTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	BillRunTasklet billRunTasklet(@Value(CatalogImageJob.RUN_ID_PARAMETER) Long runId, JdbcTemplate jdbc,
			BillingProperties billing) {
		return new BillRunTasklet(jdbc, billing, runId);
	}

}
