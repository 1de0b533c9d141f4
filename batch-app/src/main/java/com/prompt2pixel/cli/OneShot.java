package com.prompt2pixel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.templates.TemplateException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a one-shot command inside a started application and closes the application before
 * printing the command's output, so nothing the application logs on shutdown comes after
 * it (the last line of {@code run} must be its JSON summary). Problems with the input
 * become exit code 2, anything else 1, each reported as one line on stderr.
 */
final class OneShot {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OneShot() {
	}

	static int run(Function<ConfigurableApplicationContext, Output> command) {
		return run(new String[0], command);
	}

	/** The same, with application arguments ({@code --p2p.generate.backend=djl}). */
	static int run(String[] args, Function<ConfigurableApplicationContext, Output> command) {
		return run(args, command, (reason) -> List.of());
	}

	/**
	 * The same, printing {@code failedOutput}'s lines on stdout when the application or
	 * the command fails before the command has its own output: a command whose last line
	 * is JSON prints one then too.
	 */
	static int run(String[] args, Function<ConfigurableApplicationContext, Output> command,
			Function<String, List<String>> failedOutput) {
		Output output;
		ConfigurableApplicationContext context = null;
		try {
			context = Applications.startForCommand(args);
			output = command.apply(context);
		}
		catch (InvalidRunRequestException | TemplateException | IllegalArgumentException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		catch (RuntimeException ex) {
			String reason = Applications.reason(ex);
			failedOutput.apply(reason).forEach(System.out::println);
			System.err.println("error: " + reason);
			return Cli.FAILED;
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
		output.stdout().forEach(System.out::println);
		output.stderr().forEach(System.err::println);
		return output.exitCode();
	}

	/**
	 * The JSON summary line of a command whose subject (a run, an import) could not even
	 * be created: {@code {"<subject>": null, "status": "FAILED", "<reasonField>":
	 * reason}}.
	 */
	static Function<String, List<String>> failedSummary(String subject, String reasonField) {
		return (reason) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put(subject, null);
			json.put("status", "FAILED");
			json.put(reasonField, reason);
			return List.of(JSON.writeValueAsString(json));
		};
	}

	/**
	 * What a command prints and how it exits.
	 */
	record Output(int exitCode, List<String> stdout, List<String> stderr) {

		static Output ok(List<String> stdout) {
			return new Output(0, stdout, List.of());
		}

	}

}
