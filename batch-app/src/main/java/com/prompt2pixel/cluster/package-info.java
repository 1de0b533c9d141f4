/**
 * Cluster membership: every serve and worker process is a node ({@code node} table) with
 * a heartbeat, a {@link com.prompt2pixel.cluster.DispatchLoop} that ticks the node's
 * {@link com.prompt2pixel.cluster.NodeDuty duties} (the run queue, remote partitions, the
 * import queue) and drains them on SIGTERM or a spot interruption notice. It knows none
 * of the features that take part.
 */
package com.prompt2pixel.cluster;
