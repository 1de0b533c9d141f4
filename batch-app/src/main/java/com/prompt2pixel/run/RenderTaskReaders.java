package com.prompt2pixel.run;

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
		return new JdbcPagingItemReaderBuilder<RenderTask>().name(name)
			.dataSource(dataSource)
			.selectClause("""
					SELECT id, run_id, product_id, template_id, variant, seed, prompt, negative_prompt,
					       params::text AS params, image_key, image_sha256""")
			.fromClause("FROM render_task")
			.whereClause("WHERE run_id = :runId AND state = :state")
			.parameterValues(Map.of("runId", runId, "state", state.name()))
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
