package com.prompt2pixel.cluster;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a node (serve or worker) takes part in executing submitted runs.
 *
 * @param dispatch whether this process is a node of the cluster (off for the one-shot CLI
 * commands)
 * @param role {@code manager} (serve: executes submitted runs, and sends their generate
 * partitions to workers when there are live ones) or {@code worker} (executes generate
 * partitions only)
 * @param dispatchInterval how often it heartbeats and looks for runs to start, stop or
 * recover
 * @param workerPartitions partitions of the generate step a worker node executes at once
 * @param concurrentRuns submitted batch runs it executes at once
 * @param onDemandRuns on-demand runs a manager executes at once, beside the batch runs
 * (on a worker: on-demand partitions beside its batch ones): their chunks go ahead of
 * batch chunks on the generator
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
public record ScheduleProperties(boolean dispatch, @NotNull Role role, @NotNull Duration dispatchInterval,
		@Min(1) @Max(16) int workerPartitions, @Min(1) @Max(64) int concurrentRuns, @Min(1) @Max(64) int onDemandRuns,
		@NotNull Duration aging, @NotNull Duration deadAfter, @NotNull Duration stopDeadline, String spotNoticeUrl,
		@NotNull Duration spotPollInterval) {

	/** What a node does in the cluster. */
	public enum Role {

		/** serve: executes submitted runs; their generate partitions go to workers. */
		MANAGER,

		/** worker: executes generate partitions that managers send. */
		WORKER;

		/** As the node table and the logs name it. */
		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
