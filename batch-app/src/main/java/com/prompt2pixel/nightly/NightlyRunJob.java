package com.prompt2pixel.nightly;

import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A merchant's nightly trigger fired: queue its catalog sync and incremental run. Quartz
 * only queues it; the dispatcher starts it through the JobOperator when its pool's window
 * is open.
 */
@DisallowConcurrentExecution
class NightlyRunJob extends QuartzJobBean {

	static final String MERCHANT = "merchant";

	private static final Logger log = LoggerFactory.getLogger(NightlyRunJob.class);

	private final RunQueue queue;

	NightlyRunJob(RunQueue queue) {
		this.queue = queue;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		String merchant = context.getMergedJobDataMap().getString(MERCHANT);
		try {
			SubmittedRun run = this.queue.submitNightly(merchant);
			log.info("Nightly run {} queued for merchant {} ({})", run.id(), merchant, run.status());
		}
		catch (RuntimeException ex) {
			// a trigger that throws would be retried at once by nothing and logged by
			// Quartz
			// without the merchant: say here which merchant had no run
			log.error("No nightly run for merchant {}: {}", merchant, ex.getMessage());
		}
	}

}
