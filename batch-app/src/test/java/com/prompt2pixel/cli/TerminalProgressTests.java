package com.prompt2pixel.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CLI's progress bar: drawn from what it reads, and not at all where stderr is not a
 * terminal (as under Maven, whose test forks write stderr to a pipe).
 */
class TerminalProgressTests {

	@Test
	void shouldDrawTheNumbersItReadsAndEndWithTheLast() {
		ByteArrayOutputStream drawn = new ByteArrayOutputStream();
		AtomicLong done = new AtomicLong();
		TerminalProgress bar = TerminalProgress.on(new PrintStream(drawn, true, StandardCharsets.UTF_8), 100, "run 7",
				() -> new TerminalProgress.Reading(done.get(), 80, "running"));
		done.set(20);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(drawn).contains("20/80"));
		done.set(80);
		bar.close();

		String text = text(drawn);
		assertThat(text).contains("run 7").contains("running").contains("80/80").contains("100%");
		assertThat(text).as("each drawing goes back to the line's start").contains("\r");
		assertThat(text.lines().mapToInt(String::length).max().orElse(0)).as("no line past the width")
			.isLessThanOrEqualTo(100);
	}

	@Test
	void shouldShowAnUnknownTotalUntilOneIsRead() {
		ByteArrayOutputStream drawn = new ByteArrayOutputStream();
		AtomicLong rows = new AtomicLong(12);
		TerminalProgress bar = TerminalProgress.on(new PrintStream(drawn, true, StandardCharsets.UTF_8), 80, "import 3",
				() -> new TerminalProgress.Reading(rows.get(), -1, "running"));
		await().atMost(Duration.ofSeconds(10)).until(() -> text(drawn).contains("12/?"));
		bar.close();
		assertThat(text(drawn)).as("a count, with no share of an unknown total").contains("import 3").contains("? %");
	}

	@Test
	void shouldDrawNothingAndKeepTheLogsWhenStderrIsNoTerminal() {
		assertThat(TerminalProgress.stderrIsTerminal()).isFalse();
		assertThat(TerminalProgress.onStderr("run 1", () -> null)).isNull();
		assertThat(TerminalProgress.withQuieterLogs("--p2p.generate.backend=djl"))
			.containsExactly("--p2p.generate.backend=djl");
		String result = TerminalProgress.follow("run", (id) -> null, (recorded) -> {
			recorded.accept(1);
			return "done";
		});
		assertThat(result).isEqualTo("done");
	}

	private static String text(ByteArrayOutputStream drawn) {
		return drawn.toString(StandardCharsets.UTF_8);
	}

}
