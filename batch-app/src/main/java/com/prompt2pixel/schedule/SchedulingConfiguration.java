package com.prompt2pixel.schedule;

import java.time.Clock;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every schedule decision reads (a test replaces it), and the Quartz trigger
 * that drives the run queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class SchedulingConfiguration {

	static final String DISPATCH = "dispatch-runs";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	JobDetail dispatchRunsJob() {
		return JobBuilder.newJob(DispatchRunsJob.class).withIdentity(DISPATCH).storeDurably().build();
	}

	/**
	 * Misfires (the cluster was down, or busy past a tick) are dropped: the next tick
	 * looks at the whole queue anyway.
	 */
	@Bean
	Trigger dispatchRunsTrigger(JobDetail dispatchRunsJob, ScheduleProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(dispatchRunsJob)
			.withIdentity(DISPATCH)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.dispatchInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

}
