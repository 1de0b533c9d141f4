package com.prompt2pixel.window;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A pool of GPUs and the off-peak windows in which it takes batch work, as local times of
 * day in the pool's time zone (00:00-06:00 in its region, say). A window whose end is
 * before its start runs past midnight. A pool without windows takes batch work at any
 * time. Daylight-saving gaps and overlaps are resolved as {@link ZonedDateTime} does: a
 * window opening in a gap opens at the first valid instant after it.
 *
 * @param name the pool's name, as runs refer to it
 * @param zone where the windows' times are read
 * @param windows the windows, in order of opening; none overlap or touch
 */
public record GpuPool(String name, ZoneId zone, List<Window> windows) {

	/** The pool every run uses unless it names another; always open unless configured. */
	public static final String DEFAULT = "default";

	public GpuPool {
		windows = List.copyOf(windows);
	}

	/**
	 * A pool from what an operator typed.
	 * @param windows each {@code HH:MM-HH:MM}
	 * @throws InvalidScheduleException naming the first problem: an unknown time zone, a
	 * malformed or empty window, or two windows that overlap
	 */
	public static GpuPool of(String name, String zone, List<String> windows) {
		if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
			throw new InvalidScheduleException(
					"pool name must be lower-case letters, digits and '-', was '" + name + "'");
		}
		ZoneId zoneId = zone(zone);
		List<Window> parsed = new ArrayList<>();
		for (String text : windows) {
			parsed.add(Window.parse(text));
		}
		parsed.sort(Comparator.comparing(Window::opens));
		for (int i = 0; i < parsed.size(); i++) {
			for (int j = i + 1; j < parsed.size(); j++) {
				if (parsed.get(i).meets(parsed.get(j))) {
					throw new InvalidScheduleException("windows " + parsed.get(i) + " and " + parsed.get(j)
							+ " overlap or touch; make them one window");
				}
			}
		}
		return new GpuPool(name, zoneId, parsed);
	}

	/**
	 * @throws InvalidScheduleException when the text names no time zone
	 */
	public static ZoneId zone(String text) {
		try {
			return ZoneId.of(text);
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidScheduleException(
					"'" + text + "' is not a time zone; use a region such as Europe/Berlin or UTC");
		}
	}

	/** A pool that is always open. */
	public static GpuPool alwaysOpen(String name) {
		return new GpuPool(name, ZoneId.of("UTC"), List.of());
	}

	public boolean isOpen(Instant now) {
		return this.windows.isEmpty() || current(now).isPresent();
	}

	/**
	 * When the window open at {@code now} closes; empty when none is open, or when the
	 * pool has no windows and so never closes.
	 */
	public Optional<Instant> closing(Instant now) {
		return current(now).map(Interval::closes);
	}

	/**
	 * When a window next opens after {@code now}; empty for a pool without windows.
	 */
	public Optional<Instant> nextOpening(Instant now) {
		return intervalsAround(now).stream().map(Interval::opens).filter(now::isBefore).min(Comparator.naturalOrder());
	}

	private Optional<Interval> current(Instant now) {
		return intervalsAround(now).stream()
			.filter((interval) -> !now.isBefore(interval.opens()) && now.isBefore(interval.closes()))
			.findFirst();
	}

	/** Every window's occurrence from the day before {@code now} to two days after. */
	private List<Interval> intervalsAround(Instant now) {
		LocalDate today = now.atZone(this.zone).toLocalDate();
		List<Interval> intervals = new ArrayList<>();
		for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(2)); day = day.plusDays(1)) {
			for (Window window : this.windows) {
				LocalDate closingDay = window.crossesMidnight() ? day.plusDays(1) : day;
				intervals.add(new Interval(ZonedDateTime.of(day, window.opens(), this.zone).toInstant(),
						ZonedDateTime.of(closingDay, window.closes(), this.zone).toInstant()));
			}
		}
		return intervals;
	}

	private record Interval(Instant opens, Instant closes) {
	}

	/**
	 * A daily window, local times.
	 *
	 * @param opens when it opens
	 * @param closes when it closes; before {@code opens} when it runs past midnight
	 */
	public record Window(LocalTime opens, LocalTime closes) {

		private static final int DAY = 24 * 60;

		/**
		 * @param text {@code HH:MM-HH:MM}
		 */
		static Window parse(String text) {
			String[] parts = (text == null) ? new String[0] : text.strip().split("-");
			if (parts.length != 2) {
				throw new InvalidScheduleException("window '" + text + "' is not HH:MM-HH:MM");
			}
			try {
				Window window = new Window(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
				if (window.opens().equals(window.closes())) {
					throw new InvalidScheduleException("window '" + text + "' is empty: it opens and closes at "
							+ window.opens() + "; for a pool that is always open, give it no windows");
				}
				return window;
			}
			catch (DateTimeParseException ex) {
				throw new InvalidScheduleException("window '" + text + "' is not HH:MM-HH:MM");
			}
		}

		boolean crossesMidnight() {
			return this.closes.isBefore(this.opens);
		}

		/**
		 * Whether the two share a minute of the day, or one closes where the other opens.
		 */
		boolean meets(Window other) {
			for (int[] mine : minutes()) {
				for (int[] theirs : other.minutes()) {
					if (mine[0] <= theirs[1] && theirs[0] <= mine[1]) {
						return true;
					}
				}
			}
			return false;
		}

		/** The minutes of the day covered, [from, to], split at midnight. */
		private List<int[]> minutes() {
			int from = this.opens.getHour() * 60 + this.opens.getMinute();
			int to = this.closes.getHour() * 60 + this.closes.getMinute();
			return crossesMidnight() ? List.of(new int[] { from, DAY }, new int[] { 0, to })
					: List.of(new int[] { from, to });
		}

		@Override
		public String toString() {
			return this.opens + "-" + this.closes;
		}

	}

}
