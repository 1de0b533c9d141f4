package com.prompt2pixel.cluster;

import java.time.Duration;

/**
 * Work a node of the cluster does at every tick of its {@link DispatchLoop}: the features
 * that spread over nodes (the run queue, remote partitions, the import queue) implement
 * it, so that the loop knows none of them. Duties tick in their {@code @Order}.
 */
public interface NodeDuty {

	/** The nodes that do it: managers or workers. */
	ScheduleProperties.Role role();

	/**
	 * This process takes part as the node of that id; called again after a drain (a
	 * stopped application context that is started again, as tests do).
	 */
	void join(String nodeId);

	/**
	 * One look for work; safe to call from several nodes at once.
	 * @param deadAfter a node silent this long is dead: its work is taken over
	 */
	void tick(Duration deadAfter);

	/**
	 * Stops taking work and lets what runs here stop at a chunk boundary, waiting up to
	 * the deadline.
	 * @return whether everything stopped within it
	 */
	default boolean drain(Duration deadline) throws InterruptedException {
		return true;
	}

}
