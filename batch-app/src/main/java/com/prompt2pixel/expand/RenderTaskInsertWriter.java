package com.prompt2pixel.expand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.system.CopyRows;
import com.prompt2pixel.task.RenderParams;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.templates.ExpandedTask;
import com.prompt2pixel.templates.SceneTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts a chunk's render tasks, each in the state it starts in: BLOCKED_PROMPT with the
 * policy's reason; SKIPPED_CACHED, reusing the image, when the merchant already has a
 * render with the task's cache key; PENDING otherwise.
 */
class RenderTaskInsertWriter implements ItemWriter<List<TaskDraft>> {

	/**
	 * COPY rather than INSERT: render tasks come by the hundred thousand, and COPY is the
	 * fastest way into PostgreSQL. A chunk cannot meet its own rows again (the product
	 * reader restarts after the last committed chunk), and if it ever did, the unique key
	 * on run, product, template and variant fails the chunk instead of duplicating a
	 * task.
	 */
	private static final String COPY = """
			COPY render_task (run_id, merchant_id, product_id, template_set, template_id, template_version, variant,
			                  seed, prompt, negative_prompt, alt_text, params, state, state_reason, matched_rule,
			                  cache_key, cached_from, image_key, image_sha256, mask_key, backend, model, generative,
			                  matte_method, matte_confidence, checks)
			FROM STDIN""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final long runId;

	/** Parameters are the same for every task of a scene: serialised once per scene. */
	private final Map<SceneTemplate, String> paramsJson = new HashMap<>();

	private final String merchantId;

	RenderTaskInsertWriter(JdbcTemplate jdbc, JsonMapper json, long runId, String merchantId) {
		this.jdbc = jdbc;
		this.json = json;
		this.runId = runId;
		this.merchantId = merchantId;
	}

	@Override
	public void write(Chunk<? extends List<TaskDraft>> chunk) {
		List<TaskDraft> drafts = chunk.getItems().stream().flatMap(List::stream).toList();
		Map<String, EarlierRenders.Render> rendered = EarlierRenders.of(this.jdbc, this.merchantId, this.runId, drafts);
		CopyRows rows = new CopyRows(drafts.size());
		for (TaskDraft draft : drafts) {
			ExpandedTask task = draft.task();
			EarlierRenders.Render reuse = EarlierRenders.reuse(draft, rendered);
			TaskState state = EarlierRenders.initialState(draft, reuse);
			rows.value(this.runId)
				.value(this.merchantId)
				.value(draft.productId())
				.value(task.set())
				.value(task.template().id())
				.value(task.template().version())
				.value(task.variant())
				.value(task.seed())
				.value(task.prompt())
				.value(task.negativePrompt())
				.value(task.alt())
				.value(this.paramsJson.computeIfAbsent(task.template(),
						(template) -> this.json.writeValueAsString(RenderParams.of(template))))
				.value(state.name())
				.value((reuse != null) ? "same cache key as task " + reuse.origin() : draft.blockedReason())
				.value(task.matchedRule())
				.value(draft.cacheKey())
				.value((reuse != null) ? reuse.origin() : null)
				.value((reuse != null) ? reuse.imageKey() : null)
				.value((reuse != null) ? reuse.imageSha256() : null)
				.value((reuse != null) ? reuse.maskKey() : null)
				.value((reuse != null) ? reuse.backend() : null)
				.value((reuse != null) ? reuse.model() : null)
				.value((reuse != null) ? reuse.generative() : null)
				.value((reuse != null) ? reuse.matteMethod() : null)
				.value((reuse != null) ? reuse.matteConfidence() : null)
				.value((reuse != null) ? reuse.checks() : null)
				.endRow();
		}
		rows.copyInto(this.jdbc, COPY);
	}

}
