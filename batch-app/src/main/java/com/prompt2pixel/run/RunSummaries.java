package com.prompt2pixel.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.prompt2pixel.billing.BillingProperties;
import com.prompt2pixel.system.LikePattern;
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
			       count(t.id) FILTER (WHERE t.state = 'REGENERATED') AS regenerated,
			       count(t.id) FILTER (WHERE t.state = 'FAILED') AS failed,
			       count(t.id) FILTER (WHERE t.state = 'SKIPPED_CACHED') AS cached,
			       count(t.id) FILTER (WHERE t.state = 'BLOCKED_PROMPT') AS blocked,
			       count(t.id) FILTER (WHERE EXISTS (SELECT 1 FROM publication p WHERE p.task_id = t.id
			                                     AND p.destination = 'FOLDER' AND p.status = 'PUBLISHED')) AS published,
			       string_agg(DISTINCT t.backend, ',' ORDER BY t.backend) AS backend,
			       (SELECT total::text FROM invoice WHERE run_id = r.id) AS invoice_total,
			       (SELECT currency FROM invoice WHERE run_id = r.id) AS currency,
			       (extract(epoch FROM coalesce(r.finished_at, now()) - coalesce(r.started_at, r.created_at))
			        * 1000)::bigint AS elapsed_ms
			FROM generation_run r
			-- an on-demand generation has no catalog import
			LEFT JOIN catalog_import i ON i.run_id = r.id
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

	/**
	 * A merchant's runs, newest first, a page at a time.
	 * @param status only runs in this status; null: all
	 */
	public List<RunListing> list(String merchantId, String status, int limit, long offset) {
		return search(new RunSearch(merchantId, status, null, null, null, null), limit, offset);
	}

	/**
	 * Runs of every merchant, as staff look for them, newest first, a page at a time.
	 */
	public List<RunListing> search(RunSearch search, int limit, long offset) {
		String text = (search.text() == null || search.text().isBlank()) ? null : search.text().strip();
		String pattern = (text == null) ? null : LikePattern.containing(text);
		String id = (text != null && text.matches("#?\\d{1,18}")) ? text.replace("#", "") : null;
		return this.jdbc.query("""
				SELECT id, merchant_id, status, kind, priority, pool, created_at, finished_at FROM generation_run r
				WHERE (CAST(? AS text) IS NULL OR merchant_id = ?) AND (CAST(? AS text) IS NULL OR status = ?)
				  AND (CAST(? AS text) IS NULL OR pool = ?)
				  AND (CAST(? AS date) IS NULL OR created_at >= CAST(? AS date))
				  AND (CAST(? AS date) IS NULL OR created_at < CAST(? AS date) + 1)
				  AND (CAST(? AS text) IS NULL OR id = CAST(? AS bigint) OR merchant_id ILIKE ? OR catalog_file ILIKE ?
				       OR template_set ILIKE ? OR failure ILIKE ?
				       -- a product the run rendered, by title or key
				       OR EXISTS (SELECT 1 FROM render_task t JOIN product p ON p.id = t.product_id
				                  WHERE t.run_id = r.id AND (p.title ILIKE ? OR p.source_key ILIKE ?)))
				ORDER BY id DESC LIMIT ? OFFSET ?""", RunSummaries::listing, search.merchant(), search.merchant(),
				search.status(), search.status(), search.pool(), search.pool(), search.from(), search.from(),
				search.to(), search.to(), pattern, id, pattern, pattern, pattern, pattern, pattern, pattern, limit,
				offset);
	}

	/**
	 * What staff look for among runs; each null part matches every run.
	 *
	 * @param from created on or after this day (UTC)
	 * @param to created on or before this day (UTC)
	 * @param text the run's id ({@code 12} or {@code #12}), or text in its merchant,
	 * catalog file, template set, failure, or a rendered product's title or key
	 */
	public record RunSearch(String merchant, String status, String pool, LocalDate from, LocalDate to, String text) {
	}

	private static RunListing listing(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new RunListing(rs.getLong("id"), rs.getString("merchant_id"), rs.getString("status"),
				rs.getString("kind"), RunPriority.valueOf(rs.getString("priority")).label(), rs.getString("pool"),
				rs.getTimestamp("created_at").toInstant(), (finished != null) ? finished.toInstant() : null);
	}

	/** The merchant whose run this is; empty when there is no such run. */
	public Optional<String> merchantOf(long runId) {
		return this.jdbc.queryForList("SELECT merchant_id FROM generation_run WHERE id = ?", String.class, runId)
			.stream()
			.findFirst();
	}

	/** The catalog import that a run's products came from. */
	public Optional<Long> catalogImportOf(long runId) {
		return this.jdbc.queryForList("SELECT id FROM catalog_import WHERE run_id = ?", Long.class, runId)
			.stream()
			.findFirst();
	}

	public Optional<RunSummary> find(long runId) {
		return this.jdbc.query(QUERY, (rs, row) -> {
			String currency = rs.getString("currency");
			return new RunSummary(rs.getLong("id"), rs.getString("status"), rs.getLong("products"),
					rs.getLong("images"), rs.getLong("cached"), rs.getLong("blocked"), rs.getLong("rejected"),
					rs.getLong("needs_review"), rs.getLong("regenerated"), rs.getLong("failed"),
					rs.getLong("published"), rs.getLong("skipped"), rs.getString("error_report"),
					rs.getString("backend"), rs.getString("invoice_total"),
					(currency != null) ? currency : this.billing.currency(), rs.getString("out_dir"),
					rs.getLong("elapsed_ms"), rs.getString("failure"), targets(runId), checks(runId));
		}, runId).stream().findFirst();
	}

	/**
	 * What each automatic check found on the run's images: passed, tripped (held for
	 * review) or not run, from {@code render_task.checks}.
	 */
	private Map<String, Map<String, Long>> checks(long runId) {
		Map<String, Map<String, Long>> checks = new TreeMap<>();
		this.jdbc.query("""
				SELECT c.key,
				       count(*) FILTER (WHERE (c.value ->> 'ran')::boolean
				                          AND jsonb_array_length(c.value -> 'problems') = 0) AS passed,
				       count(*) FILTER (WHERE (c.value ->> 'ran')::boolean
				                          AND jsonb_array_length(c.value -> 'problems') > 0) AS tripped,
				       count(*) FILTER (WHERE NOT (c.value ->> 'ran')::boolean) AS not_run
				FROM render_task t CROSS JOIN LATERAL jsonb_each(t.checks) c
				WHERE t.run_id = ? AND t.checks IS NOT NULL
				GROUP BY c.key""", (rs) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("passed", rs.getLong("passed"));
			counts.put("tripped", rs.getLong("tripped"));
			counts.put("not_run", rs.getLong("not_run"));
			checks.put(rs.getString("key"), counts);
		}, runId);
		return checks;
	}

	/** What the run's publishing to each target did, by image. */
	private Map<String, Map<String, Long>> targets(long runId) {
		Map<String, Map<String, Long>> targets = new TreeMap<>();
		this.jdbc.query("""
				SELECT pub.destination, pub.status, count(*) FROM publication pub
				JOIN render_task t ON t.id = pub.task_id
				WHERE t.run_id = ? AND pub.destination <> 'FOLDER'
				GROUP BY pub.destination, pub.status""", (rs) -> {
			// the target as publish-target names it: TARGET_FOLDER is its folder
			String target = "TARGET_FOLDER".equals(rs.getString(1)) ? "folder"
					: rs.getString(1).toLowerCase(Locale.ROOT);
			targets.computeIfAbsent(target, (name) -> new TreeMap<>())
				.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3));
		}, runId);
		return targets;
	}

}
