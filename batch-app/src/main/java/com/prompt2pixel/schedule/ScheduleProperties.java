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
 * @param concurrentRuns submitted runs this manager executes at once
 */
@Validated
@ConfigurationProperties("p2p.schedule")
public record ScheduleProperties(@NotNull Duration dispatchInterval, @Min(1) @Max(64) int concurrentRuns) {

}
