package com.prompt2pixel.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The images of runs as the API shows them: each render task that has an image (made in
 * the run, or reused from an earlier one), with what made it. Reads only.
 */
@Component
public class TaskImages {

	private static final String COLUMNS = """
			SELECT t.id, t.run_id, t.merchant_id, p.source_key, t.template_set, t.template_id, t.variant, t.seed,
			       t.prompt, t.negative_prompt, t.state, t.state_reason, t.backend, t.model, t.generative,
			       t.image_key, t.image_sha256, t.cached_from, t.matte_method, t.matte_confidence, t.checks
			FROM render_task t JOIN product p ON p.id = t.product_id
			""";

	private final JdbcTemplate jdbc;

	TaskImages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A run's images in task order, a page at a time.
	 * @param state only images in this state; null: all
	 */
	public List<TaskImage> page(long runId, String state, int limit, long offset) {
		return page(runId, state, null, limit, offset);
	}

	/**
	 * A run's images of one scene in task order, a page at a time.
	 * @param state only images in this state; null: all
	 * @param scene only images of this scene (template id); null: all
	 */
	public List<TaskImage> page(long runId, String state, String scene, int limit, long offset) {
		return this.jdbc.query(COLUMNS + """
				WHERE t.run_id = ? AND t.image_key IS NOT NULL AND (CAST(? AS text) IS NULL OR t.state = ?)
				  AND (CAST(? AS text) IS NULL OR t.template_id = ?)
				ORDER BY t.id LIMIT ? OFFSET ?""", TaskImages::image, runId, state, state, scene, scene, limit, offset);
	}

	/** The scenes (template ids) of a run's tasks, by name. */
	public List<String> scenesOf(long runId) {
		return this.jdbc.queryForList(
				"SELECT DISTINCT template_id FROM render_task WHERE run_id = ? AND template_id IS NOT NULL ORDER BY 1",
				String.class, runId);
	}

	/**
	 * Every task of the runs, in run and task order, whether its image exists yet or not
	 * (its {@code imageKey} is null until then): few runs of few tasks each, such as a
	 * page of on-demand generations.
	 */
	public List<TaskImage> allOf(List<Long> runIds) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(COLUMNS + "WHERE t.run_id = ANY (?) ORDER BY t.run_id, t.id", TaskImages::image,
				(Object) runIds.toArray(Long[]::new));
	}

	/** The image of a task; empty when there is no such task or it has no image. */
	public Optional<TaskImage> find(long taskId) {
		return this.jdbc.query(COLUMNS + "WHERE t.id = ? AND t.image_key IS NOT NULL", TaskImages::image, taskId)
			.stream()
			.findFirst();
	}

	private static TaskImage image(ResultSet rs, int row) throws SQLException {
		return new TaskImage(rs.getLong("id"), rs.getLong("run_id"), rs.getString("merchant_id"),
				rs.getString("source_key"), rs.getString("template_set"), rs.getString("template_id"),
				rs.getInt("variant"), rs.getLong("seed"), rs.getString("prompt"), rs.getString("negative_prompt"),
				rs.getString("state"), rs.getString("state_reason"), rs.getString("backend"), rs.getString("model"),
				(Boolean) rs.getObject("generative"), rs.getString("image_key"), rs.getString("image_sha256"),
				rs.getObject("cached_from") != null, rs.getString("matte_method"),
				rs.getObject("matte_confidence", Double.class), rs.getString("checks"));
	}

}
