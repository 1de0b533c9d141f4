package com.prompt2pixel.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz's part in the run queue: in a cluster of managers sharing the JDBC job store,
 * exactly one of them looks at the queue at each tick.
 */
@DisallowConcurrentExecution
class DispatchRunsJob extends QuartzJobBean {

	private final RunDispatcher dispatcher;

	DispatchRunsJob(RunDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.dispatcher.dispatch();
	}

}
