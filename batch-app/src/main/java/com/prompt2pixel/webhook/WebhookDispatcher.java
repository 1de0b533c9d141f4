package com.prompt2pixel.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due webhook deliveries, on every manager: at each tick of the
 * dispatch loop it leases a few (five minutes, under {@code FOR UPDATE SKIP LOCKED}, so
 * two managers never send one at once, and a manager that dies mid-send leaves it due
 * again) and sends them on threads of its own, so a slow endpoint never holds up the
 * loop. A 2xx answer delivers; anything else is tried again after
 * {@code p2p.webhooks.first-backoff}, doubling up to an hour, until
 * {@code p2p.webhooks.retry-for} after the event. Every attempt is logged in
 * {@code webhook_attempt}. Redirects are not followed, and the endpoint's host is checked
 * again before each attempt.
 */
@Component
@Order(4)
class WebhookDispatcher implements NodeDuty {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	/** Deliveries sent at once by one manager. */
	private static final int SENDERS = 4;

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final WebhookEndpoints endpoints;

	private final WebhookProperties properties;

	private final HttpClient http;

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile ExecutorService senders;

	WebhookDispatcher(JdbcTemplate jdbc, WebhookEndpoints endpoints, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.MANAGER;
	}

	@Override
	public void join(String nodeId) {
		this.senders = Executors.newFixedThreadPool(SENDERS, (task) -> {
			Thread thread = new Thread(task, "webhook-sender");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void tick(Duration deadAfter) {
		ExecutorService executor = this.senders;
		int room = SENDERS - this.inFlight.get();
		if (executor == null || room <= 0) {
			return;
		}
		for (Due due : lease(room)) {
			this.inFlight.incrementAndGet();
			executor.execute(() -> {
				try {
					send(due);
				}
				catch (RuntimeException ex) {
					log.warn("Webhook delivery {} could not be recorded: {}", due.delivery(), ex.getMessage());
				}
				finally {
					this.inFlight.decrementAndGet();
				}
			});
		}
	}

	@Override
	public boolean drain(Duration deadline) throws InterruptedException {
		ExecutorService executor = this.senders;
		if (executor == null) {
			return true;
		}
		executor.shutdown();
		// a send cut short stays leased, and is due again once its lease has run out
		return executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** A delivery leased to this manager, with what it needs to be sent. */
	record Due(long delivery, String event, String type, int attempts, String url, String secret, String payload,
			Instant eventCreated) {
	}

	private List<Due> lease(int count) {
		return this.jdbc
			.query("""
					WITH leased AS (
					    UPDATE webhook_delivery SET next_attempt_at = now() + interval '5 minutes'
					    WHERE id IN (SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
					                 WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.next_attempt_at <= now()
					                   AND e.removed_at IS NULL
					                 ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED)
					    RETURNING id, event_id, endpoint_id, attempts)
					SELECT l.id, l.event_id, ev.type, l.attempts, e.url, e.secret, ev.payload, ev.created_at
					FROM leased l JOIN webhook_endpoint e ON e.id = l.endpoint_id JOIN webhook_event ev ON ev.id = l.event_id""",
					(rs, row) -> new Due(rs.getLong("id"), rs.getString("event_id"), rs.getString("type"),
							rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"), rs.getString("payload"),
							rs.getTimestamp("created_at").toInstant()),
					count);
	}

	private void send(Due due) {
		long started = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			this.endpoints.checkUrl(due.url());
			byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(due.url().strip()))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Prompt2Pixel-Webhooks/1")
				.header("X-P2P-Event-Id", due.event())
				.header("X-P2P-Event-Type", due.type())
				.header("X-P2P-Delivery", Long.toString(due.delivery()))
				.header(WebhookSignature.HEADER,
						WebhookSignature.sign(due.secret(), Instant.now().getEpochSecond(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status < 200 || status > 299) {
				error = "answered " + status;
			}
		}
		catch (IllegalArgumentException ex) {
			error = ex.getMessage();
		}
		catch (java.io.IOException ex) {
			error = "could not be reached: "
					+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted while the node stopped";
		}
		record(due, status, error, Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void record(Due due, Integer status, String error, long elapsedMs) {
		this.jdbc.update("INSERT INTO webhook_attempt (delivery_id, status, error, elapsed_ms) VALUES (?, ?, ?, ?)",
				due.delivery(), status, error, elapsedMs);
		if (error == null) {
			this.jdbc.update("UPDATE webhook_delivery SET attempts = attempts + 1, delivered_at = now() WHERE id = ?",
					due.delivery());
			return;
		}
		int attempts = due.attempts() + 1;
		Duration wait = backoff(attempts);
		boolean givesUp = Instant.now().plus(wait).isAfter(due.eventCreated().plus(this.properties.retryFor()));
		this.jdbc.update("""
				UPDATE webhook_delivery SET attempts = ?, next_attempt_at = now() + ? * interval '1 millisecond',
				       gave_up_at = CASE WHEN ? THEN now() END
				WHERE id = ?""", attempts, wait.toMillis(), givesUp, due.delivery());
		log.info("Webhook delivery {} of event {} failed ({}); {}", due.delivery(), due.event(), error,
				givesUp ? "given up" : "tried again in " + wait);
	}

	/** The wait after the given number of failed attempts. */
	Duration backoff(int attempts) {
		Duration wait = this.properties.firstBackoff();
		for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : wait;
	}

}
