/**
 * The run queue: runs submitted to the cluster ({@link com.prompt2pixel.queue.RunQueue}),
 * started by a manager's {@code RunDispatcher} in their priority lane when their pool's
 * generation window is open, stopped when it closes, and their progress.
 */
package com.prompt2pixel.queue;
