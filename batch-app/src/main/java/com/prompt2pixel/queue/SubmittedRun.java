package com.prompt2pixel.queue;

import com.prompt2pixel.run.RunPriority;
import java.time.Instant;

/**
 * A run queued on the cluster, as the dispatcher sees it.
 *
 * @param id the run
 * @param status QUEUED, WAITING_WINDOW, RUNNING, STOPPING or STOPPED
 * @param priority its lane
 * @param pool the GPU pool whose windows it waits for
 * @param expectedStart when it is expected to start, while it waits; else null
 */
public record SubmittedRun(long id, String status, RunPriority priority, String pool, Instant expectedStart) {

}
