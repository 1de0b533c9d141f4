package com.prompt2pixel.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The packaged jar run as a user runs it, {@code java -jar prompt2pixel.jar …}, in a
 * working folder: to its end, or started to be watched and killed.
 */
final class Jar {

	private static final Path JAR = Path.of("target", "prompt2pixel.jar").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path workdir;

	Jar(Path workdir) {
		this.workdir = workdir;
	}

	/** Runs a command to its end, within 5 minutes. */
	Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		Path stdout = Files.createTempFile("cli", ".out");
		Path stderr = Files.createTempFile("cli", ".err");
		ProcessBuilder builder = new ProcessBuilder(command(args)).directory(this.workdir.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("prompt2pixel did not finish within 5 minutes");
		}
		return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	/**
	 * Runs a command as from a terminal, to its end within 5 minutes: its stderr is a
	 * pseudo-terminal that {@code script} makes, its stdout a file, as in
	 * {@code prompt2pixel run … > summary.json}. The result's stderr is what the terminal
	 * showed.
	 */
	Result runInTerminal(String... args) throws IOException, InterruptedException {
		Path stdout = Files.createTempFile("cli", ".out");
		Path screen = Files.createTempFile("cli", ".screen");
		String line = command(args).stream().map(Jar::quoted).collect(Collectors.joining(" ")) + " > "
				+ quoted(stdout.toString());
		Process process = new ProcessBuilder("script", "--quiet", "--return", "--command", line, "/dev/null")
			.directory(this.workdir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(screen.toFile())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("prompt2pixel did not finish within 5 minutes");
		}
		return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(screen, StandardCharsets.UTF_8));
	}

	/** The argument as a POSIX shell reads it back. */
	private static String quoted(String argument) {
		return "'" + argument.replace("'", "'\\''") + "'";
	}

	/** Starts a command with its stdout and stderr in the log. */
	Process start(Path log, Map<String, String> environment, String... args) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command(args)).directory(this.workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		return builder.start();
	}

	/** Waits for a line containing the text to appear in the log, and returns it. */
	static String awaitLine(Path log, String text) {
		return await("'" + text + "' in " + log).atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> Files.readAllLines(log).stream().filter((line) -> line.contains(text)).findFirst(),
					Optional::isPresent)
			.get();
	}

	private static List<String> command(String... args) {
		// C1 only and the serial collector: a process starts faster and leaves the other
		// cores to the processes beside it
		List<String> command = new ArrayList<>(
				List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return command;
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	record Result(int exitCode, String stdout, String stderr) {

		/** The last line of stdout, which must be the JSON summary. */
		JsonNode summary() {
			List<String> lines = this.stdout.lines().toList();
			return JSON.readTree(lines.get(lines.size() - 1));
		}

	}

}
