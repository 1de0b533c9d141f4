/**
 * The render-task model every stage of {@code catalogImageJob} shares: the task, its
 * states and the one table of allowed transitions, the readers of a run's tasks by state,
 * and the names of the job, its steps and its run id parameter.
 */
package com.prompt2pixel.task;
