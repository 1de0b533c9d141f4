package com.prompt2pixel.run;

import java.util.function.LongConsumer;

import com.prompt2pixel.ingest.CatalogImportJob;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.task.CatalogImageJob;
import com.prompt2pixel.templates.TemplateException;
import com.prompt2pixel.system.EmbeddedDatabase;
import com.prompt2pixel.system.JobStarts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts and resumes runs of {@code catalogImageJob}, synchronously, and reports their
 * summary.
 */
@Service
public class CatalogRuns {

	private static final Logger log = LoggerFactory.getLogger(CatalogRuns.class);

	private final JobOperator jobOperator;

	private final Job job;

	private final Job onDemandJob;

	private final Job retryJob;

	private final Job regenerateJob;

	private final RunRepository runs;

	private final RunSummaries summaries;

	private final JobRepository jobRepository;

	private final boolean exclusiveDatabase;

	private final MerchantTemplates templates;

	CatalogRuns(JobOperator jobOperator, @Qualifier(CatalogImageJob.NAME) Job job,
			@Qualifier(CatalogImageJob.ON_DEMAND_NAME) Job onDemandJob,
			@Qualifier(CatalogImageJob.RETRY_NAME) Job retryJob,
			@Qualifier(CatalogImageJob.REGENERATE_NAME) Job regenerateJob, RunRepository runs, RunSummaries summaries,
			JobRepository jobRepository, MerchantTemplates templates,
			ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
		this.regenerateJob = regenerateJob;
		this.onDemandJob = onDemandJob;
		this.retryJob = retryJob;
		this.templates = templates;
		this.jobOperator = jobOperator;
		this.job = job;
		this.runs = runs;
		this.summaries = summaries;
		this.jobRepository = jobRepository;
		// an embedded database this process started belongs to it alone (its data folder
		// is locked), so an execution it finds still "running" was left by a process that
		// died; one shared with serve is like a configured server
		EmbeddedDatabase embedded = embeddedDatabase.getIfAvailable();
		this.exclusiveDatabase = embedded != null && embedded.exclusive();
	}

	/**
	 * Checks the request, records the run and executes it to its end.
	 * @throws InvalidRunRequestException when the request is unusable (nothing is
	 * written)
	 */
	public RunSummary start(RunRequest request) {
		return start(request, (runId) -> {
		});
	}

	/**
	 * The same, telling {@code onRecorded} the run's id once it is recorded, before it
	 * executes (the CLI's progress bar follows the run by it).
	 */
	public RunSummary start(RunRequest request, LongConsumer onRecorded) {
		long runId = record(request).id();
		onRecorded.accept(runId);
		return execute(runId);
	}

	/**
	 * Checks the request and records the run, queued, without starting it.
	 * @throws InvalidRunRequestException when the request is unusable (nothing is
	 * written)
	 */
	public GenerationRun record(RunRequest request) {
		RunRequestCheck.check(request);
		if (request.templateSet() != null) {
			try {
				this.templates.find(request.merchantId(), request.templateSet());
			}
			catch (TemplateException ex) {
				throw new InvalidRunRequestException(ex.getMessage(), ex);
			}
		}
		return this.runs.create(request);
	}

	/**
	 * Marks the run's last execution as ended when the process that ran it is gone (its
	 * node stopped heartbeating), so that it can be restarted elsewhere: Spring Batch's
	 * recovery of an abandoned execution.
	 */
	public void recoverAbandoned(long runId) {
		JobExecution last = lastExecution(runId);
		if (last != null && last.isRunning()) {
			log.warn("Run {} was abandoned by its node in execution {}; recovering it", runId, last.getId());
			this.jobOperator.recover(last);
		}
	}

	/**
	 * Asks a running run to stop at its next chunk boundary, wherever it runs: the job
	 * repository carries the request, each step reads it when it commits a chunk, and the
	 * run ends STOPPED, to be resumed later from where it stopped.
	 * @return whether a running execution was asked to stop
	 */
	public boolean stop(long runId) {
		JobExecution last = lastExecution(runId);
		if (last == null || !last.isRunning()) {
			return false;
		}
		try {
			this.jobOperator.stop(last);
		}
		catch (JobExecutionNotRunningException ex) {
			return false;
		}
		this.runs.markStopping(runId);
		return true;
	}

	/**
	 * Restarts a failed run as the same job instance: finished steps are skipped, and the
	 * step that failed carries on with the tasks it had not finished. A run whose process
	 * was killed is recovered first, when this process owns the database. A run stopped
	 * or cancelled on request is refused: it is resumed through the API.
	 */
	public RunSummary resume(long runId) {
		GenerationRun run = this.runs.find(runId)
			.orElseThrow(() -> new InvalidRunRequestException("no run with id " + runId));
		if (RunStatus.COMPLETED.is(run.status())) {
			throw new InvalidRunRequestException("run " + runId + " is already complete");
		}
		if (RunStatus.CANCELLED.is(run.status())) {
			throw new InvalidRunRequestException("run " + runId + " was cancelled");
		}
		if (this.runs.isHeld(runId)) {
			throw new InvalidRunRequestException("run " + runId
					+ " was stopped or cancelled on request; resume it through the API (POST /api/v1/runs/" + runId
					+ "/resume)");
		}
		return resumeClaimed(runId);
	}

	/**
	 * Restarts a run a dispatcher claimed from the queue. One held since its claim starts
	 * and stops at once (see {@code RunStatusListener}).
	 */
	public RunSummary resumeClaimed(long runId) {
		JobExecution last = lastExecution(runId);
		if (last != null && last.isRunning()) {
			if (!this.exclusiveDatabase) {
				throw new InvalidRunRequestException("run " + runId + " is marked as running in execution "
						+ last.getId() + "; another process may be executing it");
			}
			log.warn("Run {} was interrupted: its process died during execution {}; recovering it", runId,
					last.getId());
			this.jobOperator.recover(last);
		}
		return execute(runId);
	}

	/**
	 * The run id identifies the job instance; the import id only tells the shared ingest
	 * steps which import to work on (an on-demand generation has none).
	 */
	private JobParameters parameters(GenerationRun run) {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong(CatalogImageJob.RUN_ID, run.id());
		if (run.importId() != null) {
			parameters.addLong(CatalogImportJob.IMPORT_ID, run.importId(), false);
		}
		return parameters.toJobParameters();
	}

	/**
	 * Executes a run recorded elsewhere and not queued (a regeneration a reviewer asked
	 * for on the command line) to its end.
	 */
	public RunSummary startRecorded(long runId) {
		return execute(runId);
	}

	/**
	 * A catalog's run is a {@code catalogImageJob}; a generation, a retry and a
	 * regeneration have jobs of their own.
	 */
	private Job jobOf(GenerationRun run) {
		if (run.isGeneration()) {
			return this.onDemandJob;
		}
		if (run.isRegeneration()) {
			return this.regenerateJob;
		}
		return run.isRetry() ? this.retryJob : this.job;
	}

	private JobExecution lastExecution(long runId) {
		GenerationRun run = this.runs.get(runId);
		return this.jobRepository.getLastJobExecution(jobOf(run).getName(), parameters(run));
	}

	private RunSummary execute(long runId) {
		GenerationRun run = this.runs.get(runId);
		JobParameters parameters = parameters(run);
		try {
			JobExecution execution = JobStarts.start(this.jobOperator, jobOf(run), parameters);
			if (execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STARTING) {
				throw new IllegalStateException("run " + runId + " did not finish synchronously");
			}
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new InvalidRunRequestException("run " + runId + " is already running", ex);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new InvalidRunRequestException("run " + runId + " is already complete", ex);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("run " + runId + " cannot start: " + ex.getMessage(), ex);
		}
		return this.summaries.find(runId).orElseThrow();
	}

}
