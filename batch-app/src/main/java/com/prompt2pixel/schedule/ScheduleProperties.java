package com.prompt2pixel.schedule;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The run queue on a manager ({@code serve}).
 *
 * @param dispatchInterval how often the cluster looks for runs to start or stop (one
 * manager at a time, through Quartz)
 * @param concurrentRuns submitted batch runs this manager executes at once
 * @param onDemandRuns on-demand runs it executes at once, beside the batch runs: their
 * chunks go ahead of batch chunks on the generator
 * @param aging how long a free plan's run waits before it counts as a paid one
 */
@Validated
@ConfigurationProperties("p2p.schedule")
public record ScheduleProperties(@NotNull Duration dispatchInterval, @Min(1) @Max(64) int concurrentRuns,
		@Min(1) @Max(64) int onDemandRuns, @NotNull Duration aging) {

}
