package com.prompt2pixel.ingest;

import com.prompt2pixel.system.JobStarts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Executes {@code catalogImportJob} for one import, in the calling thread: a first start,
 * or a restart of the same job instance that carries on after its last committed batch.
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	ImportJobs(JobOperator jobOperator, JobRepository jobRepository, @Qualifier(CatalogImportJob.NAME) Job job) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
	}

	/** Starts the import, or restarts it where it failed. */
	void execute(long importId) {
		try {
			JobStarts.start(this.jobOperator, this.job, parameters(importId));
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
				| InvalidJobParametersException ex) {
			throw new IllegalStateException("import " + importId + " cannot start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the import's last execution is marked as running in the job repository.
	 */
	boolean isMarkedRunning(long importId) {
		JobExecution last = this.jobRepository.getLastJobExecution(CatalogImportJob.NAME, parameters(importId));
		return last != null && last.isRunning();
	}

	/**
	 * Marks the last execution of an import whose process died as failed, the way Spring
	 * Batch recovers an abandoned execution, so that it can be restarted. Only for an
	 * execution no live process is running: the caller knows its process is gone.
	 */
	void recoverAbandoned(long importId) {
		JobExecution last = this.jobRepository.getLastJobExecution(CatalogImportJob.NAME, parameters(importId));
		if (last != null && last.isRunning()) {
			log.warn("Import {} was abandoned by its process in execution {}; recovering it", importId, last.getId());
			this.jobOperator.recover(last);
		}
	}

	private static JobParameters parameters(long importId) {
		return new JobParametersBuilder().addLong(CatalogImportJob.IMPORT_ID, importId).toJobParameters();
	}

}
