package com.prompt2pixel.ingest;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Ends a step as failed without throwing, for outcomes that are expected (an import over
 * its skip limit, a shop that refuses the token): a thrown one is logged by Spring Batch
 * as an error with its whole stack trace. The listeners find the failure among the step's
 * failure exceptions as they would a thrown one, and the job stops there.
 */
final class ExpectedFailure {

	private ExpectedFailure() {
	}

	static void fail(StepExecution step, RuntimeException failure) {
		step.addFailureException(failure);
		step.setStatus(BatchStatus.FAILED);
		step.setExitStatus(ExitStatus.FAILED.addExitDescription(failure.getMessage()));
	}

}
