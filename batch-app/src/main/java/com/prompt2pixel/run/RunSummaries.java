package com.prompt2pixel.run;

import java.util.Optional;
import java.util.stream.Collectors;

import com.prompt2pixel.billing.BillingProperties;
import com.prompt2pixel.task.TaskState;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a run's summary from the database, so the CLI and the API report the same
 * numbers.
 */
@Component
public class RunSummaries {

	private static final String QUERY = """
			SELECT r.id, r.status, r.out_dir, r.failure,
			       CASE WHEN count(t.id) > 0 THEN count(DISTINCT t.product_id)
			            -- before the run's tasks exist: its import's products with a photo
			            ELSE (SELECT count(*) FROM product p WHERE p.last_import_id = i.id AND p.image_sha256 IS NOT NULL)
			       END AS products,
			       i.rows_skipped AS skipped, i.error_report,
			       count(t.id) FILTER (WHERE t.state IN (%s)) AS images,
			       count(t.id) FILTER (WHERE t.state = 'REJECTED') AS rejected,
			       count(t.id) FILTER (WHERE t.state = 'NEEDS_REVIEW') AS needs_review,
			       count(t.id) FILTER (WHERE t.state = 'FAILED') AS failed,
			       count(t.id) FILTER (WHERE t.state = 'SKIPPED_CACHED') AS cached,
			       count(t.id) FILTER (WHERE t.state = 'BLOCKED_PROMPT') AS blocked,
			       count(t.id) FILTER (WHERE EXISTS (SELECT 1 FROM publication p WHERE p.task_id = t.id)) AS published,
			       string_agg(DISTINCT t.backend, ',' ORDER BY t.backend) AS backend,
			       (SELECT total::text FROM invoice WHERE run_id = r.id) AS invoice_total,
			       (SELECT currency FROM invoice WHERE run_id = r.id) AS currency,
			       (extract(epoch FROM coalesce(r.finished_at, now()) - coalesce(r.started_at, r.created_at))
			        * 1000)::bigint AS elapsed_ms
			FROM generation_run r
			JOIN catalog_import i ON i.run_id = r.id
			LEFT JOIN render_task t ON t.run_id = r.id
			WHERE r.id = ?
			GROUP BY r.id, i.id"""
		.formatted(TaskState.WITH_IMAGE.stream()
			.map((state) -> "'" + state.name() + "'")
			.collect(Collectors.joining(", ")));

	private final JdbcTemplate jdbc;

	private final BillingProperties billing;

	RunSummaries(JdbcTemplate jdbc, BillingProperties billing) {
		this.jdbc = jdbc;
		this.billing = billing;
	}

	public Optional<RunSummary> find(long runId) {
		return this.jdbc.query(QUERY, (rs, row) -> {
			String currency = rs.getString("currency");
			return new RunSummary(rs.getLong("id"), rs.getString("status"), rs.getLong("products"),
					rs.getLong("images"), rs.getLong("cached"), rs.getLong("blocked"), rs.getLong("rejected"),
					rs.getLong("needs_review"), rs.getLong("failed"), rs.getLong("published"), rs.getLong("skipped"),
					rs.getString("error_report"), rs.getString("backend"), rs.getString("invoice_total"),
					(currency != null) ? currency : this.billing.currency(), rs.getString("out_dir"),
					rs.getLong("elapsed_ms"), rs.getString("failure"));
		}, runId).stream().findFirst();
	}

}
