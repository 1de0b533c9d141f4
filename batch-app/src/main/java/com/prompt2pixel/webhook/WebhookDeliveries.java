package com.prompt2pixel.webhook;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An endpoint's deliveries with their attempts, as the API shows them, and the replay of
 * one: sent again, as the same event (same id and body), whatever became of it before.
 */
@Component
public class WebhookDeliveries {

	private final JdbcTemplate jdbc;

	WebhookDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The endpoint's latest deliveries, newest first, each with its attempts. */
	public List<Map<String, Object>> list(long endpointId, int limit) {
		List<Map<String, Object>> deliveries = this.jdbc.query(
				"""
						SELECT d.id, d.event_id, ev.type, d.attempts, d.next_attempt_at, d.delivered_at, d.gave_up_at, d.created_at
						FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id
						WHERE d.endpoint_id = ? ORDER BY d.id DESC LIMIT ?""",
				(rs, row) -> {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("id", rs.getLong("id"));
					json.put("event", rs.getString("event_id"));
					json.put("type", rs.getString("type"));
					json.put("attempts", rs.getInt("attempts"));
					json.put("delivered_at", instant(rs.getTimestamp("delivered_at")));
					json.put("gave_up_at", instant(rs.getTimestamp("gave_up_at")));
					json.put("next_attempt_at",
							(rs.getTimestamp("delivered_at") == null && rs.getTimestamp("gave_up_at") == null)
									? instant(rs.getTimestamp("next_attempt_at")) : null);
					json.put("created_at", instant(rs.getTimestamp("created_at")));
					return json;
				}, endpointId, limit);
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		// every attempt of the page's deliveries in one query, then each to its delivery
		Map<Long, List<Map<String, Object>>> attempts = new HashMap<>();
		this.jdbc.query("""
				SELECT delivery_id, attempted_at, status, error, elapsed_ms FROM webhook_attempt
				WHERE delivery_id = ANY (?) ORDER BY id""", (rs) -> {
			Map<String, Object> attempt = new LinkedHashMap<>();
			attempt.put("at", instant(rs.getTimestamp("attempted_at")));
			attempt.put("status", rs.getObject("status"));
			attempt.put("error", rs.getString("error"));
			attempt.put("elapsed_ms", rs.getLong("elapsed_ms"));
			attempts.computeIfAbsent(rs.getLong("delivery_id"), (id) -> new ArrayList<>()).add(attempt);
		}, (Object) deliveries.stream().map((delivery) -> (Long) delivery.get("id")).toArray(Long[]::new));
		for (Map<String, Object> delivery : deliveries) {
			delivery.put("log", attempts.getOrDefault((Long) delivery.get("id"), List.of()));
		}
		return deliveries;
	}

	/**
	 * Makes the endpoint's delivery due now, as the same event.
	 * @return false when the endpoint has no such delivery (nothing changes)
	 */
	public boolean replay(long endpointId, long deliveryId) {
		return this.jdbc.update("""
				UPDATE webhook_delivery SET delivered_at = NULL, gave_up_at = NULL, next_attempt_at = now()
				WHERE id = ? AND endpoint_id = ?""", deliveryId, endpointId) == 1;
	}

	private static String instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant().toString() : null;
	}

}
