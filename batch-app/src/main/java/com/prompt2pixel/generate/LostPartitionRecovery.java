package com.prompt2pixel.generate;

import java.time.Duration;
import java.time.LocalDateTime;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager's half of surviving a dead worker: a partition whose worker node died is
 * marked FAILED in the job repository, as Spring Batch's recovery of an abandoned
 * execution marks the steps of a dead job. The manager following the run then sees every
 * partition ended and the step failed, and restarts the run: partitions that completed
 * are skipped, and the lost one resumes from its last committed chunk on a live worker.
 */
@Component
@Order(1)
class LostPartitionRecovery implements NodeDuty {

	private static final Logger log = LoggerFactory.getLogger(LostPartitionRecovery.class);

	/** The execution-context flag Spring Batch's own recovery sets. */
	private static final String RECOVERED = "batch.recovered";

	private final GeneratePartitions partitions;

	private final JobRepository jobRepository;

	private final TransactionTemplate transaction;

	LostPartitionRecovery(GeneratePartitions partitions, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		this.partitions = partitions;
		this.jobRepository = jobRepository;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.MANAGER;
	}

	@Override
	public void join(String nodeId) {
		// recovers whatever node it runs on
	}

	@Override
	public void tick(Duration deadAfter) {
		recover(deadAfter);
	}

	/** Recovers the partitions of nodes silent for {@code deadAfter}; at every tick. */
	void recover(Duration deadAfter) {
		for (GeneratePartitions.Lost lost : this.partitions.lost(deadAfter)) {
			// claimed and marked in one transaction: one manager recovers it, once
			this.transaction.executeWithoutResult((status) -> {
				if (this.partitions.markLost(lost)) {
					fail(lost);
				}
			});
		}
	}

	private void fail(GeneratePartitions.Lost lost) {
		StepExecution execution = this.jobRepository.getStepExecution(lost.stepExecutionId());
		if (execution == null || !execution.getStatus().isRunning()) {
			return;
		}
		log.warn("Partition {} of run {} lost its worker node {}; the run restarts it from its last committed chunk",
				lost.stepExecutionId(), lost.runId(), lost.nodeId());
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED
			.addExitDescription("worker node " + lost.nodeId() + " died while executing this partition"));
		execution.setEndTime(LocalDateTime.now());
		execution.getExecutionContext().put(RECOVERED, true);
		this.jobRepository.update(execution);
		this.jobRepository.updateExecutionContext(execution);
	}

}
