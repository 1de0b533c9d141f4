package com.prompt2pixel.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.prompt2pixel.connectors.images.PhotoHosts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Merchants' webhook endpoints ({@code webhook_endpoint}, owned here). An endpoint must
 * be an https URL on a public host (or one {@code p2p.webhooks.allowed-hosts} admits):
 * the server must not be made to call itself or its network. Its signing secret is shown
 * once, when it is registered.
 */
@Repository
public class WebhookEndpoints {

	/**
	 * The events there are, each sent where it happens (runs, generations, moderation).
	 */
	public static final List<String> EVENTS = List.of(WebhookOutbox.RUN_COMPLETED, WebhookOutbox.RUN_FAILED,
			WebhookOutbox.GENERATION_COMPLETED, WebhookOutbox.GENERATION_FAILED, WebhookOutbox.IMAGE_NEEDS_REVIEW);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = "id, merchant_id, url, events, created_at";

	private final JdbcTemplate jdbc;

	private final WebhookProperties properties;

	private final PhotoHosts hosts;

	WebhookEndpoints(JdbcTemplate jdbc, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.hosts = PhotoHosts.allowing(properties.allowedHosts());
	}

	/** An endpoint just registered, with the secret its deliveries are signed with. */
	public record NewEndpoint(WebhookEndpoint endpoint, String secret) {

		@Override
		public String toString() {
			return "NewEndpoint[" + this.endpoint + ", secret=(hidden)]";
		}

	}

	/**
	 * @param events the events to send there; empty or null: all there are
	 * @throws IllegalArgumentException for a URL that may not be called or an unknown
	 * event
	 */
	public NewEndpoint register(String merchant, String url, List<String> events) {
		checkUrl(url);
		List<String> chosen = (events == null || events.isEmpty()) ? EVENTS : List.copyOf(
				new LinkedHashSet<>(events.stream().map((event) -> event.strip().toLowerCase(Locale.ROOT)).toList()));
		for (String event : chosen) {
			if (!EVENTS.contains(event)) {
				throw new IllegalArgumentException("event '" + event + "' is not one of " + String.join(", ", EVENTS));
			}
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		WebhookEndpoint endpoint = this.jdbc
			.queryForObject(
					"INSERT INTO webhook_endpoint (merchant_id, url, secret, events) VALUES (?, ?, ?, ?) RETURNING "
							+ COLUMNS,
					WebhookEndpoints::endpoint, merchant, url, secret, chosen.toArray(String[]::new));
		return new NewEndpoint(endpoint, secret);
	}

	public List<WebhookEndpoint> list(String merchant) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM webhook_endpoint WHERE merchant_id = ? AND removed_at IS NULL ORDER BY id",
				WebhookEndpoints::endpoint, merchant);
	}

	public Optional<WebhookEndpoint> find(long id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ? AND removed_at IS NULL",
					WebhookEndpoints::endpoint, id)
			.stream()
			.findFirst();
	}

	/** Removes the endpoint: nothing more is sent there, not even pending deliveries. */
	public void remove(long id) {
		this.jdbc.update("UPDATE webhook_endpoint SET removed_at = now() WHERE id = ? AND removed_at IS NULL", id);
	}

	/**
	 * @throws IllegalArgumentException naming why the URL may not be called
	 */
	void checkUrl(String url) {
		URI uri;
		try {
			uri = new URI((url == null) ? "" : url.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("url '" + url + "' is not a URL");
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		boolean allowedScheme = scheme.equals("https") || (!this.properties.requireHttps() && scheme.equals("http"));
		if (!allowedScheme || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("url '" + url + "' must be an https URL with a host and no user name");
		}
		if (!this.hosts.admits(uri.getHost())) {
			throw new IllegalArgumentException("url '" + url + "' is on a host that is unknown, local or private, "
					+ "which is not called (p2p.webhooks.allowed-hosts admits an intranet host)");
		}
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
		Array events = rs.getArray("events");
		return new WebhookEndpoint(rs.getLong("id"), rs.getString("merchant_id"), rs.getString("url"),
				Arrays.asList((String[]) events.getArray()), rs.getTimestamp("created_at").toInstant());
	}

}
