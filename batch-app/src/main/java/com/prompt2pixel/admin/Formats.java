package com.prompt2pixel.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the admin's pages write times, durations and shares: in UTC, the time the
 * operators' windows and the CLI use, to the second. In templates as {@code fmt}.
 */
final class Formats {

	static final Formats INSTANCE = new Formats();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private Formats() {
	}

	public String time(Instant instant) {
		return (instant == null) ? "–" : TIME.format(instant);
	}

	/** A time as the API's JSON writes it (ISO-8601), as {@link #time(Instant)} does. */
	public String time(String iso) {
		return (iso == null) ? "–" : time(Instant.parse(iso));
	}

	/**
	 * How long from {@code from} to {@code to}, as "1 h 05 min", "4 min 10 s" or "12 s".
	 */
	public String between(Instant from, Instant to) {
		if (from == null || to == null) {
			return "–";
		}
		Duration duration = Duration.between(from, to);
		boolean past = duration.isNegative();
		duration = duration.abs();
		String text = (duration.toHours() > 0)
				? String.format(Locale.ROOT, "%d h %02d min", duration.toHours(), duration.toMinutesPart())
				: (duration.toMinutes() > 0)
						? String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart())
						: duration.toSeconds() + " s";
		return past ? text + " ago" : "in " + text;
	}

	/** {@code part} of {@code whole} as a whole percentage, 0 for an empty whole. */
	public long percent(long part, long whole) {
		return (whole <= 0) ? 0 : Math.round(100.0 * part / whole);
	}

	public String decimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
