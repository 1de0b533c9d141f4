package com.prompt2pixel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.publish.RunUnpublishing;
import com.prompt2pixel.publish.TargetPublishing;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code publish} and {@code unpublish}: a run's images to its merchant's targets again
 * (what failed or was taken back), or taken back from them.
 */
final class PublishCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PublishCommand() {
	}

	@Command(name = "publish", mixinStandardHelpOptions = true,
			description = "Publishes a finished run's images to its merchant's targets: those that failed or were "
					+ "taken back, and those of a target set since. The last line is {\"run\": ID, \"targets\": "
					+ "{\"s3\": {\"published\": N, \"failed\": N}}}.")
	static class Publish implements Callable<Integer> {

		@Option(names = "--run", required = true, paramLabel = "ID", description = "the run")
		long run;

		@Option(names = "--to", paramLabel = "folder,s3,shopify",
				description = "only these targets (default: the run's)")
		String to;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				GenerationRun run = context.getBean(RunRepository.class).get(this.run);
				Map<String, TargetPublishing.Outcome> outcomes = context.getBean(TargetPublishing.class)
					.publish(run.id(), run.merchantId(), (this.to != null) ? this.to : run.publishTo());
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("run", run.id());
				json.put("targets", outcomes);
				boolean failed = outcomes.values().stream().anyMatch((outcome) -> outcome.failed() > 0);
				return new OneShot.Output(failed ? Cli.FAILED : 0, List.of(JSON.writeValueAsString(json)), List.of());
			});
		}

	}

	@Command(name = "unpublish", mixinStandardHelpOptions = true,
			description = "Takes a run's images back from its merchant's targets (S3 objects no other published "
					+ "image uses, copies in target folders); the run's own folder keeps them. Doing it again "
					+ "changes nothing. The last line is {\"run\": ID, \"removed\": N, \"kept\": N}.")
	static class Unpublish implements Callable<Integer> {

		@Option(names = "--run", required = true, paramLabel = "ID", description = "the run")
		long run;

		@Option(names = "--product", paramLabel = "KEY", description = "only this product's images")
		String product;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				RunUnpublishing.Result result = context.getBean(RunUnpublishing.class)
					.unpublish(this.run, this.product);
				return OneShot.Output.ok(List.of(JSON.writeValueAsString(result)));
			});
		}

	}

}
