package com.prompt2pixel.run;

import com.prompt2pixel.ingest.CatalogImportJob;
import com.prompt2pixel.task.CatalogImageJob;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run jobs. {@code catalogImageJob}: ingest (stage, merge, check photos, report) ->
 * expand -> generate -> moderate -> publish -> manifest -> bill. Each step lives with its
 * stage's package; this class only orders them. A failed run is restarted as the same job
 * instance: completed steps are skipped and the failed step resumes from the tasks it had
 * not finished.
 */
@Configuration(proxyBeanMethods = false)
class CatalogImageJobConfiguration {

	@Bean
	Job catalogImageJob(JobRepository jobRepository, RunStatusListener runStatusListener,
			@Qualifier(CatalogImportJob.STAGE_CATALOG_STEP) Step stageCatalogStep,
			@Qualifier(CatalogImportJob.MERGE_CATALOG_STEP) Step mergeCatalogStep,
			@Qualifier(CatalogImportJob.CHECK_PHOTOS_STEP) Step checkPhotosStep,
			@Qualifier(CatalogImportJob.WRITE_IMPORT_REPORT_STEP) Step writeImportReportStep,
			@Qualifier(CatalogImageJob.EXPAND_PROMPTS_STEP) Step expandPromptsStep,
			@Qualifier(CatalogImageJob.GENERATE_IMAGES_STEP) Step generateImagesStep,
			@Qualifier(CatalogImageJob.MODERATE_IMAGES_STEP) Step moderateImagesStep,
			@Qualifier(CatalogImageJob.PUBLISH_IMAGES_STEP) Step publishImagesStep,
			@Qualifier(CatalogImageJob.WRITE_MANIFEST_STEP) Step writeManifestStep,
			@Qualifier(CatalogImageJob.BILL_RUN_STEP) Step billRunStep) {
		return new JobBuilder(CatalogImageJob.NAME, jobRepository).listener(runStatusListener)
			.start(stageCatalogStep)
			.next(mergeCatalogStep)
			.next(checkPhotosStep)
			.next(writeImportReportStep)
			.next(expandPromptsStep)
			.next(generateImagesStep)
			.next(moderateImagesStep)
			.next(publishImagesStep)
			.next(writeManifestStep)
			.next(billRunStep)
			.build();
	}

	/**
	 * {@code retryFailedTasksJob}: copy the failed tasks of the run it retries ->
	 * generate -> moderate -> publish -> manifest -> bill.
	 */
	@Bean
	Job retryFailedTasksJob(JobRepository jobRepository, RunStatusListener runStatusListener,
			@Qualifier(CatalogImageJob.COPY_FAILED_TASKS_STEP) Step copyFailedTasksStep,
			@Qualifier(CatalogImageJob.GENERATE_IMAGES_STEP) Step generateImagesStep,
			@Qualifier(CatalogImageJob.MODERATE_IMAGES_STEP) Step moderateImagesStep,
			@Qualifier(CatalogImageJob.PUBLISH_IMAGES_STEP) Step publishImagesStep,
			@Qualifier(CatalogImageJob.WRITE_MANIFEST_STEP) Step writeManifestStep,
			@Qualifier(CatalogImageJob.BILL_RUN_STEP) Step billRunStep) {
		return new JobBuilder(CatalogImageJob.RETRY_NAME, jobRepository).listener(runStatusListener)
			.start(copyFailedTasksStep)
			.next(generateImagesStep)
			.next(moderateImagesStep)
			.next(publishImagesStep)
			.next(writeManifestStep)
			.next(billRunStep)
			.build();
	}

	/**
	 * {@code onDemandGenerationJob}: plan the request's tasks -> generate -> moderate ->
	 * publish -> manifest -> bill; the same steps as a catalog's run from generation on.
	 */
	@Bean
	Job onDemandGenerationJob(JobRepository jobRepository, RunStatusListener runStatusListener,
			@Qualifier(CatalogImageJob.PLAN_GENERATION_STEP) Step planGenerationStep,
			@Qualifier(CatalogImageJob.GENERATE_IMAGES_STEP) Step generateImagesStep,
			@Qualifier(CatalogImageJob.MODERATE_IMAGES_STEP) Step moderateImagesStep,
			@Qualifier(CatalogImageJob.PUBLISH_IMAGES_STEP) Step publishImagesStep,
			@Qualifier(CatalogImageJob.WRITE_MANIFEST_STEP) Step writeManifestStep,
			@Qualifier(CatalogImageJob.BILL_RUN_STEP) Step billRunStep) {
		return new JobBuilder(CatalogImageJob.ON_DEMAND_NAME, jobRepository).listener(runStatusListener)
			.start(planGenerationStep)
			.next(generateImagesStep)
			.next(moderateImagesStep)
			.next(publishImagesStep)
			.next(writeManifestStep)
			.next(billRunStep)
			.build();
	}

}
