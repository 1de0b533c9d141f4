/**
 * Generation runs: the {@code catalogImageJob} that carries one run through every stage,
 * the render-task state machine, and the run summary that the CLI and the API report.
 */
package com.prompt2pixel.run;
