package com.prompt2pixel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * A progress bar on stderr for a long one-shot command ({@code run}, {@code resume},
 * {@code import}), shown only when stderr is a terminal: piped or redirected, the command
 * prints nothing extra. What it shows is read every half second from the database, as the
 * API's progress is, so the bar and {@code GET /api/v1/runs/{id}} never disagree.
 */
final class TerminalProgress implements AutoCloseable {

	/** How often the command's numbers are read again. */
	private static final long READ_EVERY_MS = 500;

	/** A bar no wider than this, even on a wide terminal. */
	private static final int MAX_WIDTH = 120;

	/** The terminal's width, or a usual one when it does not say. */
	private static final int DEFAULT_WIDTH = 80;

	private final ProgressBar bar;

	private final Supplier<Reading> reading;

	private final ScheduledExecutorService reader;

	/** What was shown last; only the reader's thread, then {@link #close()}, touch it. */
	private Reading shown;

	/**
	 * Where a command stands.
	 *
	 * @param done what it has done
	 * @param total what it has to do; below 0: not known (yet)
	 * @param state its state, as its summary will say it
	 */
	record Reading(long done, long total, String state) {
	}

	private TerminalProgress(String task, PrintStream out, int width, Supplier<Reading> reading) {
		this.reading = reading;
		this.bar = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(-1)
			.setStyle(ProgressBarStyle.ASCII)
			.setUpdateIntervalMillis(250)
			.setConsumer(new ConsoleProgressBarConsumer(out, Math.min(width, MAX_WIDTH)))
			.build();
		this.reader = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "terminal-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.reader.scheduleWithFixedDelay(this::show, 0, READ_EVERY_MS, TimeUnit.MILLISECONDS);
	}

	/**
	 * A bar on stderr, drawing at once.
	 * @return null when stderr is not a terminal: nothing is drawn
	 */
	static TerminalProgress onStderr(String task, Supplier<Reading> reading) {
		Integer width = stderrTerminalWidth();
		return (width != null) ? new TerminalProgress(task, System.err, width, reading) : null;
	}

	/** The same, on the given stream and width, whatever it is connected to. */
	static TerminalProgress on(PrintStream out, int width, String task, Supplier<Reading> reading) {
		return new TerminalProgress(task, out, width, reading);
	}

	/**
	 * Runs the action; once it names its subject's id, a bar follows the subject on
	 * stderr, if that is a terminal, until the action ends.
	 * @param subject what is followed, as the bar names it ({@code run}, {@code import})
	 * @param read where the subject with the given id stands
	 * @param action what to run, given whom to tell the subject's id
	 */
	static <T> T follow(String subject, LongFunction<Reading> read, Function<LongConsumer, T> action) {
		AtomicReference<TerminalProgress> shown = new AtomicReference<>();
		try {
			return action.apply((id) -> shown.set(onStderr(subject + " " + id, () -> read.apply(id))));
		}
		finally {
			if (shown.get() != null) {
				shown.get().close();
			}
		}
	}

	/**
	 * The application's arguments, with the progress logs that a bar replaces left out
	 * when stderr is a terminal (warnings and errors still print).
	 */
	static String[] withQuieterLogs(String... args) {
		if (!stderrIsTerminal()) {
			return args;
		}
		List<String> quieter = new ArrayList<>(List.of(args));
		quieter.addAll(List.of("--logging.level.com.prompt2pixel=WARN",
				"--logging.level.org.springframework.batch.core.job=WARN",
				"--logging.level.org.springframework.batch.core.step=WARN"));
		return quieter.toArray(String[]::new);
	}

	/**
	 * Whether stderr is a terminal: the question {@code test -t 2} answers, asked through
	 * JLine (the library the progress bar draws with), which works wherever a POSIX shell
	 * does.
	 */
	static boolean stderrIsTerminal() {
		return stderrTerminalWidth() != null;
	}

	/**
	 * The width of stderr's terminal; null when stderr is not a terminal. Asked once a
	 * process (it starts a shell command): the logs and the bar both need it.
	 */
	private static Integer stderrTerminalWidth() {
		return StderrTerminal.WIDTH;
	}

	/** Stderr's terminal width, asked when first needed. */
	private static final class StderrTerminal {

		static final Integer WIDTH = ask();

		private StderrTerminal() {
		}

	}

	private static Integer ask() {
		try {
			TerminalProvider exec = TerminalProvider.load("exec");
			if (!exec.isSystemStream(SystemStream.Error)) {
				return null;
			}
			int width = exec.systemStreamWidth(SystemStream.Error);
			return (width > 0) ? width : DEFAULT_WIDTH;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			// no shell to ask (or no JLine provider): show nothing rather than guess
			return null;
		}
	}

	private void show() {
		try {
			Reading now = this.reading.get();
			if (now == null || now.equals(this.shown)) {
				return;
			}
			if (this.shown == null || now.total() != this.shown.total()) {
				this.bar.maxHint(now.total());
			}
			this.bar.stepTo(now.done());
			this.bar.setExtraMessage(now.state());
			this.shown = now;
			// drawn now, not at the bar's next own refresh, which may not see the change
			this.bar.refresh();
		}
		catch (RuntimeException ex) {
			// the database closing under the last read: the next read, or the summary,
			// tells
		}
	}

	/** Shows the last numbers, then ends the bar's line. */
	@Override
	public void close() {
		this.reader.shutdownNow();
		try {
			this.reader.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		show();
		this.bar.close();
	}

}
