package com.prompt2pixel.system;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Starts a job, trying again when PostgreSQL cancels the creation of its execution as a
 * serialization conflict. Spring Batch creates executions SERIALIZABLE, which is what
 * keeps two nodes from restarting one instance twice; but two unrelated jobs launched at
 * the same moment (the import queue beside the API) can then be cancelled too ("could not
 * serialize access ... the transaction might succeed if retried", seen in a clean-clone
 * CI run). The creation's transaction was rolled back, so trying again is safe; an
 * exception from the job's own steps is recorded on its execution, not thrown here.
 */
public final class JobStarts {

	private static final RetryConfig CONFLICTS = RetryConfig.custom()
		.maxAttempts(5)
		.intervalFunction(
				IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(50), 2.0, 0.5, Duration.ofSeconds(1)))
		.retryExceptions(ConcurrencyFailureException.class)
		.build();

	private JobStarts() {
	}

	public static JobExecution start(JobOperator operator, Job job, JobParameters parameters)
			throws JobExecutionAlreadyRunningException, JobRestartException, JobInstanceAlreadyCompleteException,
			InvalidJobParametersException {
		Retry retry = Retry.of("start " + job.getName(), CONFLICTS);
		try {
			return retry.executeCheckedSupplier(() -> operator.start(job, parameters));
		}
		catch (JobExecutionAlreadyRunningException | JobRestartException | JobInstanceAlreadyCompleteException
				| InvalidJobParametersException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("job " + job.getName() + " cannot start: " + ex.getMessage(), ex);
		}
	}

}
