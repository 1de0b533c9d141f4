package com.prompt2pixel.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.system.ServerPaths;
import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads on-demand generations: one, or a merchant's history a page at a time, each with
 * its images (one query for a page's images).
 */
@Component
public class Generations {

	private static final String COLUMNS = """
			SELECT r.id, r.merchant_id, r.status, p.source_key, r.template_set, q.scene, q.prompt, q.negative_prompt,
			       r.variants, q.seed, q.width, q.height, r.created_at, r.finished_at, r.failure
			FROM generation_run r JOIN generation_request q ON q.run_id = r.id JOIN product p ON p.id = q.product_id
			""";

	private final JdbcTemplate jdbc;

	private final TaskImages images;

	Generations(JdbcTemplate jdbc, TaskImages images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	public Optional<Generation> find(long id) {
		return withImages(this.jdbc.query(COLUMNS + "WHERE r.id = ?", Generations::row, id)).stream().findFirst();
	}

	/**
	 * A merchant's generations, newest first.
	 * @param status QUEUED, RUNNING, COMPLETED or FAILED; null: all
	 * @throws IllegalArgumentException for another status
	 */
	public List<Generation> list(String merchantId, String status, int limit, long offset) {
		List<String> runStatuses = (status != null) ? Generation.RUN_STATUSES.get(status) : null;
		if (status != null && runStatuses == null) {
			throw new IllegalArgumentException(
					"status must be one of QUEUED, RUNNING, COMPLETED, FAILED, was '" + status + "'");
		}
		return withImages(this.jdbc.query(COLUMNS + """
				WHERE r.merchant_id = ? AND (CAST(? AS text[]) IS NULL OR r.status = ANY (CAST(? AS text[])))
				ORDER BY r.id DESC LIMIT ? OFFSET ?""", Generations::row, merchantId, array(runStatuses),
				array(runStatuses), limit, offset));
	}

	private static String[] array(List<String> values) {
		return (values != null) ? values.toArray(String[]::new) : null;
	}

	private List<Generation> withImages(List<Generation> generations) {
		Map<Long, List<Generation.Image>> byRun = new LinkedHashMap<>();
		for (TaskImage task : this.images.allOf(generations.stream().map(Generation::id).toList())) {
			boolean exists = task.imageKey() != null;
			byRun.computeIfAbsent(task.run(), (run) -> new ArrayList<>())
				.add(new Generation.Image(task.id(), task.scene(), task.variant(), task.seed(), task.state(),
						exists ? "/api/v1/images/" + task.id() : null,
						exists ? "/api/v1/images/" + task.id() + "/meta" : null));
		}
		return generations.stream()
			.map((g) -> new Generation(g.id(), g.merchant(), g.status(), g.product(), g.templateSet(), g.scene(),
					g.prompt(), g.negativePrompt(), g.variants(), g.seed(), g.width(), g.height(), g.createdAt(),
					g.finishedAt(), byRun.getOrDefault(g.id(), List.of()), g.failure()))
			.toList();
	}

	private static Generation row(ResultSet rs, int row) throws SQLException {
		return new Generation(rs.getLong("id"), rs.getString("merchant_id"),
				Generation.statusOf(rs.getString("status")), rs.getString("source_key"), rs.getString("template_set"),
				rs.getString("scene"), rs.getString("prompt"), rs.getString("negative_prompt"), rs.getInt("variants"),
				rs.getLong("seed"), rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")), List.of(),
				ServerPaths.hide(rs.getString("failure")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
