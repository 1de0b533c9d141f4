package com.prompt2pixel.window;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GpuPoolTest {

	private final GpuPool night = GpuPool.of("eu", "Europe/Berlin", List.of("00:00-06:00"));

	@Test
	void shouldBeOpenInsideItsWindowInItsOwnTimeZone() {
		// 23:30 UTC on 25 November is 00:30 in Berlin (UTC+1)
		assertThat(this.night.isOpen(Instant.parse("2026-11-25T23:30:00Z"))).isTrue();
		assertThat(this.night.isOpen(Instant.parse("2026-11-25T22:59:59Z"))).isFalse();
		assertThat(this.night.isOpen(Instant.parse("2026-11-26T05:00:00Z"))).isFalse();
		assertThat(this.night.closing(Instant.parse("2026-11-25T23:30:00Z")))
			.contains(Instant.parse("2026-11-26T05:00:00Z"));
		assertThat(this.night.closing(Instant.parse("2026-11-25T12:00:00Z"))).isEmpty();
	}

	@Test
	void shouldTellWhenItNextOpens() {
		assertThat(this.night.nextOpening(Instant.parse("2026-11-25T12:00:00Z")))
			.contains(Instant.parse("2026-11-25T23:00:00Z"));
		// while open, the next opening is the next night's
		assertThat(this.night.nextOpening(Instant.parse("2026-11-25T23:30:00Z")))
			.contains(Instant.parse("2026-11-26T23:00:00Z"));
		// summer time: Berlin is UTC+2
		assertThat(this.night.nextOpening(Instant.parse("2026-07-01T12:00:00Z")))
			.contains(Instant.parse("2026-07-01T22:00:00Z"));
	}

	@Test
	void shouldRunAWindowPastMidnight() {
		GpuPool pool = GpuPool.of("us", "UTC", List.of("22:00-04:00", "12:00-13:00"));

		assertThat(pool.isOpen(Instant.parse("2026-11-25T23:00:00Z"))).isTrue();
		assertThat(pool.isOpen(Instant.parse("2026-11-26T03:59:00Z"))).isTrue();
		assertThat(pool.isOpen(Instant.parse("2026-11-26T04:00:00Z"))).isFalse();
		assertThat(pool.closing(Instant.parse("2026-11-26T01:00:00Z"))).contains(Instant.parse("2026-11-26T04:00:00Z"));
		assertThat(pool.nextOpening(Instant.parse("2026-11-26T05:00:00Z")))
			.contains(Instant.parse("2026-11-26T12:00:00Z"));
		assertThat(pool.windows()).map(GpuPool.Window::toString).containsExactly("12:00-13:00", "22:00-04:00");
	}

	@Test
	void shouldAlwaysBeOpenWithoutWindows() {
		GpuPool pool = GpuPool.of("any", "UTC", List.of());

		assertThat(pool.isOpen(Instant.parse("2026-11-25T12:00:00Z"))).isTrue();
		assertThat(pool.nextOpening(Instant.parse("2026-11-25T12:00:00Z"))).isEmpty();
		assertThat(pool.closing(Instant.parse("2026-11-25T12:00:00Z"))).isEmpty();
	}

	@Test
	void shouldRefuseWhatCannotBeAWindow() {
		assertThatThrownBy(() -> GpuPool.of("eu", "Mars/Olympus", List.of("00:00-06:00")))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessage("'Mars/Olympus' is not a time zone; use a region such as Europe/Berlin or UTC");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("02:00-02:00")))
			.hasMessage("window '02:00-02:00' is empty: it opens and closes at 02:00; for a pool that is always open, "
					+ "give it no windows");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("midnight to six")))
			.hasMessage("window 'midnight to six' is not HH:MM-HH:MM");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("25:00-06:00")))
			.hasMessage("window '25:00-06:00' is not HH:MM-HH:MM");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("00:00-06:00", "05:00-07:00")))
			.hasMessage("windows 00:00-06:00 and 05:00-07:00 overlap or touch; make them one window");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("22:00-02:00", "01:00-03:00")))
			.hasMessage("windows 01:00-03:00 and 22:00-02:00 overlap or touch; make them one window");
		assertThatThrownBy(() -> GpuPool.of("eu", "UTC", List.of("00:00-06:00", "06:00-07:00")))
			.hasMessage("windows 00:00-06:00 and 06:00-07:00 overlap or touch; make them one window");
		assertThatThrownBy(() -> GpuPool.of("EU West", "UTC", List.of()))
			.hasMessage("pool name must be lower-case letters, digits and '-', was 'EU West'");
	}

}
