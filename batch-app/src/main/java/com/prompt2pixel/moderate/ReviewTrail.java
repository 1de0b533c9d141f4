package com.prompt2pixel.moderate;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit of reviewers' decisions, as {@link ReviewDecisions} wrote it: who decided
 * what about an image, when and why.
 */
@Service
public class ReviewTrail {

	private final JdbcTemplate jdbc;

	ReviewTrail(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param decision APPROVE, REJECT or REGENERATE
	 * @param regenerationRun for REGENERATE, the run that renders the image again
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(long task, String decision, String reason, @JsonProperty("decided_by") String decidedBy,
			@JsonProperty("decided_at") Instant decidedAt, @JsonProperty("regeneration_run") Long regenerationRun) {
	}

	/** The image's decisions, oldest first; empty for an image never decided. */
	public List<Entry> of(long taskId) {
		return this.jdbc.query("""
				SELECT task_id, decision, reason, decided_by, decided_at, regeneration_run
				FROM review_decision WHERE task_id = ? ORDER BY id""",
				(rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant(), rs.getObject(6, Long.class)),
				taskId);
	}

	public boolean exists(long taskId) {
		return !this.jdbc.queryForList("SELECT 1 FROM render_task WHERE id = ?", Integer.class, taskId).isEmpty();
	}

}
