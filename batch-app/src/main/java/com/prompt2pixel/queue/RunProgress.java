package com.prompt2pixel.queue;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.prompt2pixel.system.ServerPaths;

/**
 * Where a run stands, as {@code status --run} prints it and the API returns it.
 *
 * @param run run id
 * @param status QUEUED, WAITING_WINDOW, RUNNING, STOPPING, STOPPED (resumable), COMPLETED
 * or FAILED
 * @param priority {@code on-demand} or {@code batch}
 * @param pool the GPU pool whose windows it follows
 * @param submitted whether it was queued on the cluster (else the CLI ran it in place)
 * @param expectedStart while it waits: when its window opens
 * @param tasks render tasks per state
 * @param total all its render tasks
 * @param pending tasks not rendered yet
 * @param published tasks whose image was published: {@code PUBLISHED} ones, and
 * {@code SKIPPED_CACHED} ones whose reused image was published again (as the run summary
 * counts them)
 * @param eta while it runs: when it should end, from its pace so far; else null
 * @param failure why it failed, or null
 */
@JsonPropertyOrder({ "run", "status", "priority", "pool", "submitted", "expected_start", "tasks", "total", "pending",
		"published", "eta", "failure" })
public record RunProgress(long run, String status, String priority, String pool, boolean submitted,
		@JsonProperty("expected_start") Instant expectedStart, Map<String, Long> tasks, long total, long pending,
		long published, Instant eta, String failure) {

	/**
	 * The progress as a merchant sees it over the API: the failure without server paths.
	 */
	public RunProgress forMerchant() {
		return new RunProgress(this.run, this.status, this.priority, this.pool, this.submitted, this.expectedStart,
				this.tasks, this.total, this.pending, this.published, this.eta, ServerPaths.hide(this.failure));
	}

}
