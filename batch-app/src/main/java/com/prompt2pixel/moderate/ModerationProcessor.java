package com.prompt2pixel.moderate;

import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.ImageInspector;
import com.prompt2pixel.task.RenderTask;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the image checks on a task's stored image, and looks for an earlier task of the
 * same run with byte-identical output.
 */
class ModerationProcessor implements ItemProcessor<RenderTask, ModerationVerdict> {

	private final ImageStore store;

	private final ImageInspector inspector;

	private final JdbcTemplate jdbc;

	ModerationProcessor(ImageStore store, ImageInspector inspector, JdbcTemplate jdbc) {
		this.store = store;
		this.inspector = inspector;
		this.jdbc = jdbc;
	}

	@Override
	public ModerationVerdict process(RenderTask task) {
		List<String> problems = new ArrayList<>(this.inspector.inspect(this.store.get(task.imageKey())).problems());
		Long original = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND image_sha256 = ? AND id < ?", Long.class,
				task.runId(), task.imageSha256(), task.id());
		if (original != null) {
			problems.add("exact duplicate of task " + original);
		}
		return new ModerationVerdict(task.id(), List.copyOf(problems));
	}

}
