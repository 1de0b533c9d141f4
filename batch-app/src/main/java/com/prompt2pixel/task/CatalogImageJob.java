package com.prompt2pixel.task;

/**
 * Names shared by the job configuration, the CLI, the API, metrics and tests.
 */
public final class CatalogImageJob {

	public static final String NAME = "catalogImageJob";

	/** The job's one identifying parameter: the {@code generation_run} id. */
	public static final String RUN_ID = "run.id";

	/** SpEL for a {@code @StepScope} bean's run id parameter. */
	public static final String RUN_ID_PARAMETER = "#{jobParameters['run.id']}";

	/**
	 * The job of an on-demand generation (one product, planned from its request):
	 * {@link #PLAN_GENERATION_STEP}, then the same steps from generation on as this job.
	 * Identified by {@link #RUN_ID} too.
	 */
	public static final String ON_DEMAND_NAME = "onDemandGenerationJob";

	public static final String PLAN_GENERATION_STEP = "planGenerationStep";

	/**
	 * The job of a run that renders again another run's failed tasks:
	 * {@link #COPY_FAILED_TASKS_STEP}, then the same steps from generation on as this
	 * job. Identified by {@link #RUN_ID} too.
	 */
	public static final String RETRY_NAME = "retryFailedTasksJob";

	public static final String COPY_FAILED_TASKS_STEP = "copyFailedTasksStep";

	/**
	 * The job of a run that renders, with new seeds, images reviewers sent back: its
	 * tasks exist when it starts, so it is the steps from generation on. Identified by
	 * {@link #RUN_ID} too.
	 */
	public static final String REGENERATE_NAME = "regenerateTasksJob";

	public static final String EXPAND_PROMPTS_STEP = "expandPromptsStep";

	public static final String GENERATE_IMAGES_STEP = "generateImagesStep";

	/**
	 * The chunk step that renders one id range of a run's tasks; worker nodes execute it
	 * by this name.
	 */
	public static final String GENERATE_IMAGES_PARTITION_STEP = GENERATE_IMAGES_STEP + ":partition";

	public static final String MODERATE_IMAGES_STEP = "moderateImagesStep";

	public static final String PUBLISH_IMAGES_STEP = "publishImagesStep";

	public static final String PUBLISH_TO_TARGETS_STEP = "publishToTargetsStep";

	public static final String WRITE_MANIFEST_STEP = "writeManifestStep";

	public static final String BILL_RUN_STEP = "billRunStep";

	private CatalogImageJob() {
	}

}
