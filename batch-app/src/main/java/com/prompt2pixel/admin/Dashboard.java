package com.prompt2pixel.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.cluster.Nodes;
import com.prompt2pixel.cluster.ScheduleProperties;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunStatus;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What the dashboard shows, read at once: runs by state, each lane's next runs, every GPU
 * pool's window, the live nodes, the pace of the last minutes and the failures of the
 * last day. Reads only.
 */
@Component
class Dashboard {

	/** Runs shown per lane. */
	static final int NEXT_RUNS = 5;

	/** The pace is measured over this many minutes. */
	static final int PACE_MINUTES = 10;

	private final JdbcTemplate jdbc;

	private final RunQueue queue;

	private final GpuPools pools;

	private final Nodes nodes;

	private final ScheduleProperties schedule;

	private final Clock clock;

	Dashboard(JdbcTemplate jdbc, RunQueue queue, GpuPools pools, Nodes nodes, ScheduleProperties schedule,
			Clock clock) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.pools = pools;
		this.nodes = nodes;
		this.schedule = schedule;
		this.clock = clock;
	}

	Figures read() {
		Instant now = this.clock.instant();
		Map<String, Long> runs = new LinkedHashMap<>();
		for (RunStatus status : RunStatus.values()) {
			runs.put(status.name(), 0L);
		}
		this.jdbc.query("SELECT status, count(*) FROM generation_run GROUP BY status",
				(RowCallbackHandler) (rs) -> runs.put(rs.getString(1), rs.getLong(2)));
		List<SubmittedRun> waiting = this.queue.waiting();
		List<Lane> lanes = List.of(RunPriority.ON_DEMAND, RunPriority.BATCH).stream().map((priority) -> {
			List<SubmittedRun> lane = waiting.stream().filter((run) -> run.priority() == priority).toList();
			return new Lane(priority.label(), lane.size(), lane.stream().limit(NEXT_RUNS).toList());
		}).toList();
		List<PoolWindow> windows = this.pools.all().stream().map((pool) -> PoolWindow.of(pool, now)).toList();
		// images made here (not reused) that reached an image in the last minutes
		long recent = this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM render_task
						WHERE image_key IS NOT NULL AND cached_from IS NULL AND updated_at >= now() - make_interval(mins => ?)""",
				Long.class, PACE_MINUTES);
		List<FailedRun> failures = this.jdbc.query("""
				SELECT id, merchant_id, failure, finished_at FROM generation_run
				WHERE status = 'FAILED' AND finished_at >= now() - interval '24 hours'
				ORDER BY finished_at DESC LIMIT 10""", (rs, row) -> new FailedRun(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getTimestamp(4).toInstant()));
		long failedRuns = this.jdbc.queryForObject(
				"SELECT count(*) FROM generation_run WHERE status = 'FAILED' AND finished_at >= now() - interval '24 hours'",
				Long.class);
		long failedTasks = this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE state = 'FAILED' AND updated_at >= now() - interval '24 hours'",
				Long.class);
		return new Figures(now, runs, lanes, windows, this.nodes.live(this.schedule.deadAfter()),
				(double) recent / PACE_MINUTES, failedRuns, failedTasks, failures);
	}

	/**
	 * @param imagesPerMinute images made over the last {@link #PACE_MINUTES} minutes, per
	 * minute
	 * @param failedRuns runs that failed in the last 24 hours
	 * @param failedTasks render tasks that failed in the last 24 hours
	 * @param failures the latest of those runs
	 */
	record Figures(Instant at, Map<String, Long> runs, List<Lane> lanes, List<PoolWindow> pools,
			List<Nodes.LiveNode> nodes, double imagesPerMinute, long failedRuns, long failedTasks,
			List<FailedRun> failures) {
	}

	/** A lane's waiting runs, and the next of them in the order they will start. */
	record Lane(String name, int waiting, List<SubmittedRun> next) {
	}

	/** A GPU pool's window now. */
	record PoolWindow(String name, String zone, String windows, boolean open, Instant change) {

		static PoolWindow of(GpuPool pool, Instant now) {
			boolean open = pool.isOpen(now);
			Instant change = open ? pool.closing(now).orElse(null) : pool.nextOpening(now).orElse(null);
			return new PoolWindow(pool.name(), pool.zone().getId(),
					pool.windows().isEmpty() ? "always open" : pool.windows().toString(), open, change);
		}

	}

	record FailedRun(long run, String merchant, String failure, Instant finishedAt) {
	}

}
