package com.prompt2pixel.expand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.task.TaskState;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The render cache, as the expand step and {@code expand --dry-run} both consult it: the
 * merchant's earlier renders of the drafts' cache keys, and the state a draft starts in.
 */
final class EarlierRenders {

	/**
	 * The earliest earlier render of each key; {@code origin} is always the task that
	 * rendered it. An image a reviewer rejected or sent back is no answer to its key: a
	 * regeneration's image, which keeps the key, is.
	 */
	private static final String RENDERED = """
			SELECT DISTINCT ON (cache_key) cache_key, coalesce(cached_from, id) AS origin, image_key, image_sha256,
			       mask_key, backend, model, generative, matte_method, matte_confidence, checks
			FROM render_task
			WHERE merchant_id = ? AND run_id <> ? AND image_key IS NOT NULL AND cache_key = ANY (?)
			  AND state NOT IN ('REJECTED', 'REGENERATED')
			ORDER BY cache_key, id""";

	/** No run: for a preview, every earlier run counts. */
	static final long NO_RUN = -1;

	private EarlierRenders() {
	}

	/**
	 * The renders of the drafts' keys in the merchant's runs other than {@code runId}.
	 */
	static Map<String, Render> of(JdbcTemplate jdbc, String merchantId, long runId, List<TaskDraft> drafts) {
		String[] keys = drafts.stream().map(TaskDraft::cacheKey).distinct().toArray(String[]::new);
		Map<String, Render> rendered = new HashMap<>();
		jdbc.query(RENDERED, (rs) -> {
			rendered.put(rs.getString("cache_key"),
					new Render(rs.getLong("origin"), rs.getString("image_key"), rs.getString("image_sha256"),
							rs.getString("mask_key"), rs.getString("backend"), rs.getString("model"),
							rs.getBoolean("generative"), rs.getString("matte_method"),
							rs.getObject("matte_confidence", Double.class), rs.getString("checks")));
		}, merchantId, runId, keys);
		return rendered;
	}

	/**
	 * The render a draft reuses: none for a blocked prompt, which is never rendered.
	 */
	static Render reuse(TaskDraft draft, Map<String, Render> rendered) {
		return (draft.blockedReason() == null) ? rendered.get(draft.cacheKey()) : null;
	}

	/** Where a draft's task starts: blocked, reusing an earlier image, or to render. */
	static TaskState initialState(TaskDraft draft, Render reuse) {
		return (draft.blockedReason() != null) ? TaskState.BLOCKED_PROMPT
				: (reuse != null) ? TaskState.SKIPPED_CACHED : TaskState.PENDING;
	}

	/**
	 * An earlier render of a cache key.
	 *
	 * @param checks the automatic checks' findings on it, as JSON; null before it was
	 * moderated
	 */
	record Render(long origin, String imageKey, String imageSha256, String maskKey, String backend, String model,
			boolean generative, String matteMethod, Double matteConfidence, String checks) {

	}

}
