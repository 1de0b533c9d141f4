package com.prompt2pixel.run;

import com.prompt2pixel.task.CatalogImageJob;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Mirrors the job execution's status onto its {@code generation_run} row, with the first
 * failure as a one-line reason.
 */
@Component
class RunStatusListener implements JobExecutionListener {

	/** A Java exception's "class: message" line, as a stored exit description has it. */
	private static final Pattern EXCEPTION_LINE = Pattern.compile("^(Caused by: )?[\\w.$]+: ");

	private final RunRepository runs;

	private final JobRepository jobRepository;

	RunStatusListener(RunRepository runs, JobRepository jobRepository) {
		this.runs = runs;
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		if (this.runs.isHeld(runId(execution))) {
			// stopped or cancelled between its claim and its start: it ends STOPPED at
			// the
			// first step, before any work (the hold makes a cancel's stop CANCELLED)
			execution.setStatus(BatchStatus.STOPPING);
			return;
		}
		this.runs.markRunning(runId(execution));
	}

	@Override
	public void afterJob(JobExecution execution) {
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			this.runs.markFinished(runId(execution), RunStatus.COMPLETED, null);
		}
		else if (status == BatchStatus.STOPPED) {
			// asked to stop (its window closed): resumable, not failed
			this.runs.markFinished(runId(execution), RunStatus.STOPPED, null);
		}
		else {
			this.runs.markFinished(runId(execution), RunStatus.FAILED, failure(execution));
		}
	}

	String failure(JobExecution execution) {
		StepExecution failed = null;
		for (StepExecution step : execution.getStepExecutions()) {
			// a partition's own failure ("step:partition:range") tells more than its
			// partitioned step's ("Partition handler returned an unsuccessful step")
			if (!step.getFailureExceptions().isEmpty() && (failed == null || isPartition(step))) {
				failed = step;
			}
		}
		if (failed != null) {
			String step = failed.getStepName().split(":", 2)[0];
			String cause = isPartition(failed) ? null : remotePartitionFailure(execution.getId(), step);
			return "failed in " + step + ": "
					+ ((cause != null) ? cause : oneLine(rootCause(failed.getFailureExceptions().get(0))));
		}
		if (!execution.getFailureExceptions().isEmpty()) {
			return oneLine(rootCause(execution.getFailureExceptions().get(0)));
		}
		return "ended " + execution.getStatus();
	}

	/**
	 * Why a partition that a worker node executed failed: its failure exceptions stayed
	 * in the worker, and only its exit description (a stack trace) reached the job
	 * repository. The last "Caused by" line is the root cause.
	 */
	private String remotePartitionFailure(long jobExecutionId, String step) {
		JobExecution stored = this.jobRepository.getJobExecution(jobExecutionId);
		if (stored == null) {
			return null;
		}
		for (StepExecution partition : stored.getStepExecutions()) {
			String description = partition.getExitStatus().getExitDescription();
			if (partition.getStepName().startsWith(step + ":") && partition.getStatus() == BatchStatus.FAILED
					&& description != null && !description.isBlank()) {
				List<String> lines = description.lines().toList();
				String cause = lines.stream()
					.filter((line) -> line.startsWith("Caused by: "))
					.reduce((first, last) -> last)
					.orElse(lines.get(0));
				return EXCEPTION_LINE.matcher(cause).replaceFirst("").strip();
			}
		}
		return null;
	}

	private static boolean isPartition(StepExecution step) {
		return step.getStepName().contains(":");
	}

	private static Throwable rootCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String oneLine(Throwable error) {
		String message = (error.getMessage() != null) ? error.getMessage() : error.getClass().getSimpleName();
		return message.replaceAll("\\s+", " ").strip();
	}

	private static long runId(JobExecution execution) {
		return execution.getJobParameters().getLong(CatalogImageJob.RUN_ID);
	}

}
