package com.prompt2pixel.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event for a merchant's webhooks ({@code webhook_event} and its
 * {@code webhook_delivery} rows, owned here) inside the caller's transaction: the event
 * exists exactly when the change it reports was committed, and survives the process; the
 * managers' {@link WebhookDispatcher} sends it. A merchant without endpoints for the
 * event gets no rows at all.
 */
@Component
public class WebhookOutbox {

	public static final String RUN_COMPLETED = "run.completed";

	public static final String RUN_FAILED = "run.failed";

	public static final String GENERATION_COMPLETED = "generation.completed";

	public static final String GENERATION_FAILED = "generation.failed";

	/** An image the automatic checks held for a person to look at. */
	public static final String IMAGE_NEEDS_REVIEW = "image.needs_review";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	WebhookOutbox(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param data what the event says, as its body's {@code data}; asked for only when an
	 * endpoint of the merchant wants the event
	 * @return the event's id, or null when no endpoint of the merchant wants it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String record(String merchant, String type, Supplier<Map<String, Object>> data) {
		Integer endpoints = this.jdbc.queryForObject("""
				SELECT count(*) FROM webhook_endpoint
				WHERE merchant_id = ? AND removed_at IS NULL AND ? = ANY (events)""", Integer.class, merchant, type);
		if (endpoints == null || endpoints == 0) {
			return null;
		}
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		String id = "evt_" + HexFormat.of().formatHex(random);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id);
		event.put("type", type);
		event.put("created_at", Instant.now().toString());
		event.put("data", data.get());
		this.jdbc.update("INSERT INTO webhook_event (id, merchant_id, type, payload) VALUES (?, ?, ?, ?)", id, merchant,
				type, this.json.writeValueAsString(event));
		this.jdbc.update("""
				INSERT INTO webhook_delivery (event_id, endpoint_id)
				SELECT ?, id FROM webhook_endpoint WHERE merchant_id = ? AND removed_at IS NULL AND ? = ANY (events)""",
				id, merchant, type);
		return id;
	}

}
