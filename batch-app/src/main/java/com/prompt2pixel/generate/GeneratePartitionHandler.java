package com.prompt2pixel.generate;

import java.util.Collection;

import com.prompt2pixel.cluster.ScheduleProperties;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.task.CatalogImageJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out the partitions of a run's generate step. On a manager node with live worker
 * nodes they go through the {@link PartitionChannel} of the run's lane (Spring Batch
 * remote partitioning), and the manager follows them in the job repository until every
 * one has ended; anywhere else (no workers, or a one-shot CLI command) the run is one
 * partition executed here (partitions restored from an earlier execution run on threads,
 * sharing the generator through {@code GpuLanes}). The choice is made when the step
 * starts, so a run restarted after its workers died runs here.
 */
@Component(GenerateImagesStepConfiguration.GENERATE_PARTITION_HANDLER)
class GeneratePartitionHandler implements PartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(GeneratePartitionHandler.class);

	/** How often the manager reads its partitions' state while workers execute them. */
	private static final long POLL_MILLIS = 1000;

	private final TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();

	private final MessageChannelPartitionHandler onDemand;

	private final MessageChannelPartitionHandler batch;

	private final RunRepository runs;

	private final ScheduleProperties schedule;

	private final GeneratePartitions partitions;

	GeneratePartitionHandler(@Qualifier(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP) Step partitionStep,
			GenerateProperties generate, ScheduleProperties schedule, GeneratePartitions partitions, RunRepository runs,
			QueueChannel onDemandPartitionRequests, QueueChannel batchPartitionRequests, JobRepository jobRepository)
			throws Exception {
		this.schedule = schedule;
		this.partitions = partitions;
		this.runs = runs;
		this.local.setStep(partitionStep);
		// one device here: one partition, its chunks in order (a restarted run keeps the
		// partitions it was first split into, wherever they ran)
		this.local.setGridSize(1);
		this.local.setTaskExecutor(new SimpleAsyncTaskExecutor("generate-"));
		this.local.afterPropertiesSet();
		this.onDemand = remote(onDemandPartitionRequests, generate, jobRepository);
		this.batch = remote(batchPartitionRequests, generate, jobRepository);
	}

	private static MessageChannelPartitionHandler remote(QueueChannel requests, GenerateProperties generate,
			JobRepository jobRepository) throws Exception {
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP);
		handler.setGridSize(generate.partitions());
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(POLL_MILLIS);
		handler.setMessagingOperations(new MessagingTemplate(requests));
		handler.afterPropertiesSet();
		return handler;
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
			throws Exception {
		if (toWorkers()) {
			long runId = managerStepExecution.getJobExecution().getJobParameters().getLong(CatalogImageJob.RUN_ID);
			boolean onDemand = this.runs.isOnDemand(runId);
			log.info("Generate partitions of run {} go to the worker nodes ({})", runId,
					onDemand ? "on-demand" : "batch");
			return (onDemand ? this.onDemand : this.batch).handle(splitter, managerStepExecution);
		}
		return this.local.handle(splitter, managerStepExecution);
	}

	private boolean toWorkers() {
		return this.schedule.dispatch() && this.schedule.role() == ScheduleProperties.Role.MANAGER
				&& this.partitions.liveWorkers(this.schedule.deadAfter()) > 0;
	}

}
