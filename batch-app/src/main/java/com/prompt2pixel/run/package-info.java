/**
 * Generation runs: the {@code catalogImageJob} that carries one run through every stage,
 * starting and resuming it ({@link com.prompt2pixel.run.CatalogRuns}), and the run
 * summary that the CLI and the API report. The stages depend on the run's row and on
 * {@code task}, never on the job that orders them.
 */
package com.prompt2pixel.run;
