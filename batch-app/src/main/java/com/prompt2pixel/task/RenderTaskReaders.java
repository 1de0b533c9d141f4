package com.prompt2pixel.task;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

/**
 * The one way the stages read a run's tasks: those in one state, in id order, a page at a
 * time. The state filter is what makes a restart resume correctly (tasks a committed
 * chunk has moved on are no longer selected), so the reader keeps no restart state of its
 * own.
 */
public final class RenderTaskReaders {

	private static final int PAGE_SIZE = 100;

	private RenderTaskReaders() {
	}

	public static JdbcPagingItemReader<RenderTask> inState(String name, DataSource dataSource, long runId,
			TaskState state) throws Exception {
		return matching(name, dataSource, runId, "state = :state", Map.of("state", state.name()));
	}

	/** Tasks in one state within one id range (a partition of the run). */
	public static JdbcPagingItemReader<RenderTask> inStateAndRange(String name, DataSource dataSource, long runId,
			TaskState state, long minId, long maxId) throws Exception {
		return matching(name, dataSource, runId, "state = :state AND id BETWEEN :minId AND :maxId",
				Map.of("state", state.name(), "minId", minId, "maxId", maxId));
	}

	/**
	 * Tasks to publish: APPROVED ones, and SKIPPED_CACHED ones that reuse an approved
	 * image and are not published yet (their state does not change when they are, so the
	 * publication is what marks them done).
	 */
	public static JdbcPagingItemReader<RenderTask> publishable(String name, DataSource dataSource, long runId)
			throws Exception {
		return matching(name, dataSource, runId,
				"""
						(state = 'APPROVED'
						 OR (state = 'SKIPPED_CACHED'
						     AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.task_id = render_task.id AND p.destination = 'FOLDER')
						     AND EXISTS (SELECT 1 FROM render_task origin WHERE origin.id = render_task.cached_from
						                 AND origin.state IN ('APPROVED', 'PUBLISHED'))))""",
				Map.of());
	}

	private static JdbcPagingItemReader<RenderTask> matching(String name, DataSource dataSource, long runId,
			String condition, Map<String, Object> parameters) throws Exception {
		Map<String, Object> values = new HashMap<>(parameters);
		values.put("runId", runId);
		return new JdbcPagingItemReaderBuilder<RenderTask>().name(name)
			.dataSource(dataSource)
			.selectClause("""
					SELECT id, run_id, product_id, template_id, variant, seed, prompt, negative_prompt,
					       params::text AS params, image_key, image_sha256""")
			.fromClause("FROM render_task")
			.whereClause("WHERE run_id = :runId AND " + condition)
			.parameterValues(values)
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(PAGE_SIZE)
			.saveState(false)
			.rowMapper((rs, row) -> new RenderTask(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("product_id"),
					rs.getString("template_id"), rs.getInt("variant"), rs.getLong("seed"), rs.getString("prompt"),
					rs.getString("negative_prompt"), rs.getString("params"), rs.getString("image_key"),
					rs.getString("image_sha256")))
			.build();
	}

}
