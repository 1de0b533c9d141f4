package com.prompt2pixel.run;

import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.ingest.CatalogImportJob;
import com.prompt2pixel.task.CatalogImageJob;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run jobs, each its own first steps and then the same ones from generation on:
 * generate -> moderate -> publish -> manifest -> bill. {@code catalogImageJob}: ingest
 * (stage, merge, check photos, report) -> expand, then those.
 * {@code retryFailedTasksJob}: the failed tasks of the run it retries copied, then those.
 * {@code onDemandGenerationJob}: the request's tasks planned, then those.
 * {@code regenerateTasksJob}: only those (its tasks were made by the reviewers'
 * decisions). Each step lives with its stage's package; this class only orders them. A
 * failed run is restarted as the same job instance: completed steps are skipped and the
 * failed step resumes from the tasks it had not finished.
 */
@Configuration(proxyBeanMethods = false)
class CatalogImageJobConfiguration {

	private final JobRepository jobRepository;

	private final RunStatusListener runStatusListener;

	/** Every run's steps from generation on, in order. */
	private final List<Step> fromGeneration;

	CatalogImageJobConfiguration(JobRepository jobRepository, RunStatusListener runStatusListener,
			@Qualifier(CatalogImageJob.GENERATE_IMAGES_STEP) Step generateImagesStep,
			@Qualifier(CatalogImageJob.MODERATE_IMAGES_STEP) Step moderateImagesStep,
			@Qualifier(CatalogImageJob.PUBLISH_IMAGES_STEP) Step publishImagesStep,
			@Qualifier(CatalogImageJob.PUBLISH_TO_TARGETS_STEP) Step publishToTargetsStep,
			@Qualifier(CatalogImageJob.WRITE_MANIFEST_STEP) Step writeManifestStep,
			@Qualifier(CatalogImageJob.BILL_RUN_STEP) Step billRunStep) {
		this.jobRepository = jobRepository;
		this.runStatusListener = runStatusListener;
		this.fromGeneration = List.of(generateImagesStep, moderateImagesStep, publishImagesStep, publishToTargetsStep,
				writeManifestStep, billRunStep);
	}

	@Bean
	Job catalogImageJob(@Qualifier(CatalogImportJob.STAGE_CATALOG_STEP) Step stageCatalogStep,
			@Qualifier(CatalogImportJob.MERGE_CATALOG_STEP) Step mergeCatalogStep,
			@Qualifier(CatalogImportJob.CHECK_PHOTOS_STEP) Step checkPhotosStep,
			@Qualifier(CatalogImportJob.WRITE_IMPORT_REPORT_STEP) Step writeImportReportStep,
			@Qualifier(CatalogImageJob.EXPAND_PROMPTS_STEP) Step expandPromptsStep) {
		return job(CatalogImageJob.NAME, stageCatalogStep, mergeCatalogStep, checkPhotosStep, writeImportReportStep,
				expandPromptsStep);
	}

	@Bean
	Job retryFailedTasksJob(@Qualifier(CatalogImageJob.COPY_FAILED_TASKS_STEP) Step copyFailedTasksStep) {
		return job(CatalogImageJob.RETRY_NAME, copyFailedTasksStep);
	}

	@Bean
	Job onDemandGenerationJob(@Qualifier(CatalogImageJob.PLAN_GENERATION_STEP) Step planGenerationStep) {
		return job(CatalogImageJob.ON_DEMAND_NAME, planGenerationStep);
	}

	@Bean
	Job regenerateTasksJob() {
		return job(CatalogImageJob.REGENERATE_NAME, this.fromGeneration.get(0),
				this.fromGeneration.subList(1, this.fromGeneration.size()));
	}

	/** The job of its own first steps, then the steps from generation on. */
	private Job job(String name, Step first, Step... then) {
		List<Step> steps = new ArrayList<>(List.of(then));
		steps.addAll(this.fromGeneration);
		return job(name, first, steps);
	}

	private Job job(String name, Step first, List<Step> then) {
		SimpleJobBuilder job = new JobBuilder(name, this.jobRepository).listener(this.runStatusListener).start(first);
		for (Step step : then) {
			job = job.next(step);
		}
		return job.build();
	}

}
