package com.prompt2pixel.window;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * GPU pools and their generation windows. A pool that was never configured (the default
 * pool, unless an operator gave it windows) is always open.
 */
@Repository
public class GpuPools {

	private final JdbcTemplate jdbc;

	GpuPools(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The pool's windows, replacing any it had. */
	@Transactional
	public void save(GpuPool pool) {
		this.jdbc.update("""
				INSERT INTO gpu_pool (name, time_zone) VALUES (?, ?)
				ON CONFLICT (name) DO UPDATE SET time_zone = excluded.time_zone, updated_at = now()""", pool.name(),
				pool.zone().getId());
		this.jdbc.update("DELETE FROM generation_window WHERE pool = ?", pool.name());
		for (GpuPool.Window window : pool.windows()) {
			this.jdbc.update("INSERT INTO generation_window (pool, opens, closes) VALUES (?, ?, ?)", pool.name(),
					window.opens(), window.closes());
		}
	}

	/** The configured pool, or an always-open one for the default pool. */
	public Optional<GpuPool> find(String name) {
		List<String> zones = this.jdbc.queryForList("SELECT time_zone FROM gpu_pool WHERE name = ?", String.class,
				name);
		if (zones.isEmpty()) {
			return GpuPool.DEFAULT.equals(name) ? Optional.of(GpuPool.alwaysOpen(name)) : Optional.empty();
		}
		List<GpuPool.Window> windows = this.jdbc.query(
				"SELECT opens, closes FROM generation_window WHERE pool = ? ORDER BY opens",
				(rs, row) -> new GpuPool.Window(rs.getObject("opens", LocalTime.class),
						rs.getObject("closes", LocalTime.class)),
				name);
		return Optional.of(new GpuPool(name, ZoneId.of(zones.get(0)), windows));
	}

	/**
	 * Every configured pool by name, and the default pool, always open, when it has no
	 * windows of its own.
	 */
	public List<GpuPool> all() {
		List<String> names = new ArrayList<>(
				this.jdbc.queryForList("SELECT name FROM gpu_pool ORDER BY name", String.class));
		if (!names.contains(GpuPool.DEFAULT)) {
			names.add(0, GpuPool.DEFAULT);
		}
		return names.stream().map(this::get).toList();
	}

	/**
	 * @throws InvalidScheduleException when there is no such pool
	 */
	public GpuPool get(String name) {
		return find(name).orElseThrow(() -> new InvalidScheduleException("no GPU pool '" + name
				+ "'; give it windows first (window --pool " + name + " --time-zone ZONE --open HH:MM-HH:MM)"));
	}

}
