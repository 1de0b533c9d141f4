package com.prompt2pixel.publish;

import java.util.Map;

import com.prompt2pixel.run.GenerationRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code publishToTargetsStep}: the run's images, once in its own folder, to its
 * merchant's targets. An image a target refuses is recorded as failed and reported, and
 * does not fail the run: the run's images are made and kept, and the next publish of the
 * run ({@code publish --run}) tries the failed ones again. A restarted step publishes
 * only what is not published yet.
 */
class PublishToTargetsTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PublishToTargetsTasklet.class);

	private final GenerationRun run;

	private final TargetPublishing publishing;

	PublishToTargetsTasklet(GenerationRun run, TargetPublishing publishing) {
		this.run = run;
		this.publishing = publishing;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Map<String, TargetPublishing.Outcome> outcomes = this.publishing.publish(this.run.id(), this.run.merchantId(),
				this.run.publishTo());
		outcomes.forEach((target, outcome) -> {
			contribution.incrementWriteCount(outcome.published());
			if (outcome.failed() > 0) {
				logger.warn("run {}: {} images failed to publish to {}", this.run.id(), outcome.failed(), target);
			}
		});
		return RepeatStatus.FINISHED;
	}

}
