package com.prompt2pixel.moderate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The images held for review, oldest hold first: what a reviewer works through.
 */
@Service
public class ReviewQueue {

	/** A check's flag or a policy's reason, as the reasons begin with it. */
	private static final Pattern FLAG = Pattern.compile("[A-Z][A-Z_]{1,40}");

	/** Reasons are stored joined by this (see {@code ModerationWriter}). */
	private static final String SEPARATOR = "; ";

	public static final int MAX_LIMIT = 500;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	ReviewQueue(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Which held images to list; every field may be null.
	 *
	 * @param merchant only this merchant's
	 * @param run only this run's
	 * @param reason only those held for this flag or policy reason
	 * ({@code CUTOUT_SUSPECT}, {@code SAMPLED})
	 * @param limit at most this many (default 100, at most {@value #MAX_LIMIT})
	 */
	public record Query(String merchant, Long run, String reason, Integer limit) {

		/**
		 * @throws IllegalArgumentException for a reason that is no flag, or a limit out
		 * of range
		 */
		public Query {
			if (reason != null && !FLAG.matcher(reason).matches()) {
				throw new IllegalArgumentException(
						"reason must be a flag such as CUTOUT_SUSPECT or SAMPLED, was '" + reason + "'");
			}
			if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
				throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
			}
		}

		public static Query ofRun(long run) {
			return new Query(null, run, null, MAX_LIMIT);
		}

	}

	/**
	 * One held image.
	 *
	 * @param reasons why it is held, each beginning with its flag where it has one
	 * @param scores each check's score (0 to 1, higher is better; null where it did not
	 * run)
	 * @param checks each check's full findings as moderation recorded them
	 */
	@JsonPropertyOrder({ "task", "run", "merchant", "product", "title", "scene", "variant", "seed", "reasons", "scores",
			"held_at", "image", "meta", "checks" })
	public record Item(long task, long run, String merchant, String product, String title, String scene, int variant,
			long seed, List<String> reasons, Map<String, Double> scores, @JsonProperty("held_at") Instant heldAt,
			String image, String meta, JsonNode checks) {
	}

	public List<Item> list(Query query) {
		List<Object> arguments = new ArrayList<>();
		StringBuilder sql = new StringBuilder("""
				SELECT t.id, t.run_id, t.merchant_id, p.source_key, p.title, t.template_id, t.variant, t.seed,
				       t.state_reason, t.checks::text AS checks, t.updated_at
				FROM render_task t JOIN product p ON p.id = t.product_id
				WHERE t.state = 'NEEDS_REVIEW'""");
		if (query.merchant() != null) {
			sql.append(" AND t.merchant_id = ?");
			arguments.add(query.merchant());
		}
		if (query.run() != null) {
			sql.append(" AND t.run_id = ?");
			arguments.add(query.run());
		}
		if (query.reason() != null) {
			// the flag at the start of one of the reasons
			sql.append(" AND t.state_reason ~ ?");
			arguments.add("(^|; )" + query.reason() + ":");
		}
		sql.append(" ORDER BY t.updated_at, t.id LIMIT ?");
		arguments.add((query.limit() != null) ? query.limit() : 100);
		return this.jdbc.query(sql.toString(), (rs, row) -> {
			long task = rs.getLong("id");
			JsonNode checks = (rs.getString("checks") != null) ? this.json.readTree(rs.getString("checks")) : null;
			String reasons = rs.getString("state_reason");
			return new Item(task, rs.getLong("run_id"), rs.getString("merchant_id"), rs.getString("source_key"),
					rs.getString("title"), rs.getString("template_id"), rs.getInt("variant"), rs.getLong("seed"),
					(reasons != null) ? Arrays.asList(reasons.split(SEPARATOR)) : List.of(), scores(checks),
					rs.getTimestamp("updated_at").toInstant(), "/api/v1/images/" + task,
					"/api/v1/images/" + task + "/meta", checks);
		}, arguments.toArray());
	}

	private static Map<String, Double> scores(JsonNode checks) {
		Map<String, Double> scores = new LinkedHashMap<>();
		if (checks != null) {
			for (String check : checks.propertyNames()) {
				JsonNode score = checks.get(check).get("score");
				scores.put(check, (score != null && score.isNumber()) ? score.doubleValue() : null);
			}
		}
		return scores;
	}

}
