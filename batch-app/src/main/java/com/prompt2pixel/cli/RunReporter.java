package com.prompt2pixel.cli;

import java.util.function.Function;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a run-producing action inside a started application, closes the application, and
 * only then prints the summary, so that the JSON object is the last line on stdout.
 */
final class RunReporter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunReporter() {
	}

	static int report(Function<CatalogRuns, RunSummary> action) {
		RunSummary summary;
		ConfigurableApplicationContext context = null;
		try {
			context = Applications.startForCommand();
			summary = action.apply(context.getBean(CatalogRuns.class));
		}
		catch (InvalidRunRequestException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + Applications.reason(ex));
			return Cli.FAILED;
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
		System.out.println(JSON.writeValueAsString(summary));
		if (!"COMPLETED".equals(summary.status())) {
			System.err.println("error: run " + summary.run() + " " + summary.failure()
					+ "; resume it with: java -jar batch-app/target/prompt2pixel.jar resume --run " + summary.run());
			return Cli.FAILED;
		}
		return 0;
	}

}
