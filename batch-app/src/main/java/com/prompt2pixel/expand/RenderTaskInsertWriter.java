package com.prompt2pixel.expand;

import java.util.List;

import com.prompt2pixel.run.RenderParams;
import com.prompt2pixel.templates.SceneTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts PENDING render tasks. A task that exists already (same run, product, template
 * and variant) is left as it is, so a redone chunk inserts nothing twice.
 */
class RenderTaskInsertWriter implements ItemWriter<List<TaskDraft>> {

	private static final String INSERT = """
			INSERT INTO render_task (run_id, product_id, template_id, template_version, variant, seed, prompt,
			                         negative_prompt, params, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING')
			ON CONFLICT (run_id, product_id, template_id, variant) DO NOTHING""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final long runId;

	RenderTaskInsertWriter(JdbcTemplate jdbc, JsonMapper json, long runId) {
		this.jdbc = jdbc;
		this.json = json;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends List<TaskDraft>> chunk) {
		List<TaskDraft> drafts = chunk.getItems().stream().flatMap(List::stream).toList();
		this.jdbc.batchUpdate(INSERT, drafts, drafts.size(), (statement, draft) -> {
			SceneTemplate template = draft.task().template();
			statement.setLong(1, this.runId);
			statement.setLong(2, draft.productId());
			statement.setString(3, template.id());
			statement.setInt(4, template.version());
			statement.setInt(5, draft.task().variant());
			statement.setLong(6, draft.task().seed());
			statement.setString(7, draft.task().prompt());
			statement.setString(8, draft.task().negativePrompt());
			statement.setString(9, this.json.writeValueAsString(new RenderParams(template.width(), template.height(),
					template.palette(), template.productScale())));
		});
	}

}
