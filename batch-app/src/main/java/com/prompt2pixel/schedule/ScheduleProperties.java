package com.prompt2pixel.schedule;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a node (serve or worker) takes part in executing submitted runs.
 *
 * @param dispatch whether this process executes submitted runs (off for the one-shot CLI
 * commands)
 * @param role what the node table calls it: manager or worker
 * @param dispatchInterval how often it heartbeats and looks for runs to start, stop or
 * recover
 * @param concurrentRuns submitted batch runs it executes at once
 * @param onDemandRuns on-demand runs it executes at once, beside the batch runs: their
 * chunks go ahead of batch chunks on the generator
 * @param aging how long a free plan's run waits before it counts as a paid one
 * @param deadAfter a node silent this long is dead: its runs are recovered and resumed
 * elsewhere
 * @param stopDeadline on SIGTERM or a spot interruption notice, how long its runs get to
 * reach a chunk boundary before they are cut off (the chunk in progress is then given up
 * and redone elsewhere)
 * @param spotNoticeUrl the EC2 instance-metadata spot notice to poll
 * ({@code http://169.254.169.254/latest/meta-data/spot/instance-action}); empty: off
 * @param spotPollInterval how often to poll it
 */
@Validated
@ConfigurationProperties("p2p.schedule")
public record ScheduleProperties(boolean dispatch, @NotNull String role, @NotNull Duration dispatchInterval,
		@Min(1) @Max(64) int concurrentRuns, @Min(1) @Max(64) int onDemandRuns, @NotNull Duration aging,
		@NotNull Duration deadAfter, @NotNull Duration stopDeadline, String spotNoticeUrl,
		@NotNull Duration spotPollInterval) {

}
