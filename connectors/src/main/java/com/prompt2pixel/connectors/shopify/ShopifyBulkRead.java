package com.prompt2pixel.connectors.shopify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.prompt2pixel.connectors.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One bulk operation's life, as the live service behaves:
 * <ul>
 * <li>starting it is not repeated blindly: when the mutation's outcome is unknown (a
 * broken connection, a server error), the shop's current operation is looked at first,
 * and adopted if it is ours;</li>
 * <li>an operation already running for the shop (left by a timed-out poll or a stopped
 * worker) is adopted when it runs our query, and cancelled before a new one starts when
 * it does not;</li>
 * <li>an operation that failed with Shopify's intermittent {@code INTERNAL_SERVER_ERROR}
 * is started again, a bounded number of times;</li>
 * <li>its result is checked against Shopify's own counts: no URL is an empty shop only
 * when nothing was counted and {@code productsCount} agrees, and a result with fewer
 * products than {@code rootObjectCount} is refused;</li>
 * <li>each product keeps the same number of media as a paged read takes.</li>
 * </ul>
 * Access to bulk operations refused ({@code ACCESS_DENIED}) is an
 * {@link AccessDeniedException}, on which the export reads page by page.
 */
final class ShopifyBulkRead {

	private static final Logger logger = LoggerFactory.getLogger(ShopifyBulkRead.class);

	static final String BULK_RUN = """
			mutation RunBulk($query: String!) {
			  bulkOperationRunQuery(query: $query, groupObjects: true) {
			    bulkOperation { id status }
			    userErrors { field message code }
			  }
			}""";

	static final String OPERATION_FIELDS = "id status query errorCode objectCount rootObjectCount url";

	static final String BULK_POLL = """
			query BulkOperation($id: ID!) {
			  node(id: $id) { ... on BulkOperation { %s } }
			}""".formatted(OPERATION_FIELDS);

	static final String CURRENT = """
			query CurrentBulkOperation { currentBulkOperation(type: QUERY) { %s } }""".formatted(OPERATION_FIELDS);

	static final String CANCEL = """
			mutation CancelBulk($id: ID!) {
			  bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } }
			}""";

	/**
	 * How many times starting is tried when it meets a running operation or no answer.
	 */
	private static final int START_ATTEMPTS = 3;

	private final ShopifyClient client;

	private final ShopifyReadSettings settings;

	private final Pause pause;

	/** Shopify's product count, asked only when a result needs it. */
	private final LongSupplier productsCount;

	private final String query;

	ShopifyBulkRead(ShopifyClient client, ShopifyReadSettings settings, Pause pause, LongSupplier productsCount) {
		this.client = client;
		this.settings = settings;
		this.pause = pause;
		this.productsCount = productsCount;
		this.query = query(settings);
	}

	/** The bulk query: every product of the imported statuses, with its media. */
	static String query(ShopifyReadSettings settings) {
		String filter = settings.productQuery();
		// the statuses are checked words, so the filter needs no escaping beyond quotes
		String arguments = (filter != null) ? "(query: \"" + filter + "\")" : "";
		return """
				{ products%s { edges { node { %s
				  media { edges { node { %s } } } } } } }""".formatted(arguments, ShopifyProductExport.PRODUCT_FIELDS,
				ShopifyProductExport.MEDIA_FIELDS);
	}

	ShopifyProductExport.Result read(Path snapshot) {
		for (int restart = 0;; restart++) {
			String id = startOrAdopt();
			JsonNode operation = untilEnded(id);
			String status = operation.path("status").asString("");
			if ("COMPLETED".equals(status)) {
				return download(snapshot, operation);
			}
			String code = operation.path("errorCode").asString("");
			if ("FAILED".equals(status) && "INTERNAL_SERVER_ERROR".equals(code)
					&& restart < this.settings.bulkRestarts()) {
				logger.warn("shop {}: bulk operation {} failed with INTERNAL_SERVER_ERROR, which Shopify documents "
						+ "as intermittent; starting it again", shop(), id);
				// a poll interval, doubled with each restart, before asking again
				sleep(this.settings.pollInterval().multipliedBy(1L << restart), id);
				continue;
			}
			String restarts = ("INTERNAL_SERVER_ERROR".equals(code) && restart > 0)
					? " after " + (restart + 1) + " attempts" : "";
			throw new ShopifyException("bulk operation " + id + " of shop " + shop() + " ended "
					+ (status.isEmpty() ? "unknown" : status) + (code.isEmpty() ? "" : " (" + code + ")") + restarts);
		}
	}

	/** The id of an operation running our query: started now, or adopted. */
	private String startOrAdopt() {
		for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
			JsonNode started;
			try {
				started = this.client.mutateOnce(BULK_RUN, Map.of("query", this.query)).path("bulkOperationRunQuery");
			}
			catch (ShopifyOutcomeUnknownException ex) {
				Optional<String> ours = running().filter(this::isOurs)
					.map((operation) -> operation.path("id").asString());
				if (ours.isPresent()) {
					logger.info("shop {}: the bulk operation's start got no answer ({}); adopting {}, which it started",
							shop(), ex.getMessage(), ours.get());
					return ours.get();
				}
				logger.info("shop {}: the bulk operation's start got no answer ({}) and none is running; trying again",
						shop(), ex.getMessage());
				continue;
			}
			catch (ShopifyException ex) {
				if ("ACCESS_DENIED".equals(ex.code())) {
					throw new AccessDeniedException(ex.getMessage());
				}
				throw ex;
			}
			JsonNode errors = started.path("userErrors");
			if (errors.isEmpty()) {
				String id = started.path("bulkOperation").path("id").asString("");
				if (id.isEmpty()) {
					throw new ShopifyException("shop " + shop() + " started no bulk operation and gave no reason");
				}
				return id;
			}
			if (!inProgress(errors)) {
				throw new ShopifyException("shop " + shop() + " did not start the bulk operation: " + messages(errors));
			}
			Optional<JsonNode> running = running();
			if (running.isPresent() && isOurs(running.get())) {
				String id = running.get().path("id").asString();
				logger.info("shop {}: adopting bulk operation {}, already running the same query", shop(), id);
				return id;
			}
			if (running.isPresent()) {
				cancel(running.get().path("id").asString());
			}
		}
		throw new ShopifyException("shop " + shop() + " did not start the bulk operation after " + START_ATTEMPTS
				+ " attempts: another operation kept running, or the start got no answer");
	}

	private static boolean inProgress(JsonNode errors) {
		for (JsonNode error : errors) {
			if ("OPERATION_IN_PROGRESS".equals(error.path("code").asString(""))
					|| error.path("message").asString("").contains("already in progress")) {
				return true;
			}
		}
		return false;
	}

	/** The shop's current bulk query operation of this app, if it has not ended. */
	private Optional<JsonNode> running() {
		JsonNode current = this.client.query(CURRENT, Map.of()).path("currentBulkOperation");
		String status = current.path("status").asString("");
		return ("CREATED".equals(status) || "RUNNING".equals(status)) ? Optional.of(current) : Optional.empty();
	}

	/** Whether an operation runs this read's query (Shopify keeps it as sent). */
	private boolean isOurs(JsonNode operation) {
		return normalized(operation.path("query").asString("")).equals(normalized(this.query));
	}

	private static String normalized(String query) {
		return query.replaceAll("\\s+", " ").strip();
	}

	/** Cancels an operation that is not ours and waits until it has ended. */
	private void cancel(String id) {
		logger.warn("shop {}: cancelling bulk operation {}, which runs another query, before starting this read",
				shop(), id);
		JsonNode errors = this.client.query(CANCEL, Map.of("id", id)).path("bulkOperationCancel").path("userErrors");
		if (!errors.isEmpty()) {
			logger.info("shop {}: cancelling bulk operation {}: {}", shop(), id, messages(errors));
		}
		untilEnded(id);
	}

	/** Polls the operation until it is no longer created, running or cancelling. */
	private JsonNode untilEnded(String id) {
		long deadline = System.nanoTime() + this.settings.bulkTimeout().toNanos();
		while (true) {
			JsonNode operation = this.client.query(BULK_POLL, Map.of("id", id)).path("node");
			String status = operation.path("status").asString("");
			if (!"CREATED".equals(status) && !"RUNNING".equals(status) && !"CANCELING".equals(status)) {
				return operation;
			}
			if (System.nanoTime() > deadline) {
				throw new ShopifyException("bulk operation " + id + " of shop " + shop() + " did not finish within "
						+ this.settings.bulkTimeout()
						+ "; it may still finish in Shopify, and the next import adopts it");
			}
			sleep(this.settings.pollInterval(), id);
		}
	}

	private void sleep(Duration duration, String id) {
		try {
			this.pause.pause(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while waiting for bulk operation " + id, ex);
		}
	}

	private ShopifyProductExport.Result download(Path snapshot, JsonNode operation) {
		String id = operation.path("id").asString();
		String url = operation.path("url").asString("");
		long objects = operation.path("objectCount").asLong(0);
		long roots = operation.path("rootObjectCount").asLong(0);
		if (url.isEmpty()) {
			if (objects > 0 || roots > 0) {
				throw new ShopifyException("bulk operation " + id + " of shop " + shop()
						+ " completed without a result URL although Shopify counted " + objects + " objects (" + roots
						+ " products); Shopify's answer contradicts itself, so nothing is imported: try again later");
			}
			long count = this.productsCount.getAsLong();
			if (count > 0) {
				throw new ShopifyException("bulk operation " + id + " of shop " + shop()
						+ " completed without a result, but Shopify counts " + count
						+ " products (productsCount); nothing is imported: try again later");
			}
			throw noProducts(this.client.shop(), this.settings);
		}
		long[] counts = new long[2];
		AtomicFiles.write(snapshot, (out) -> {
			try (InputStream in = this.client.download(URI.create(url));
					BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
							1 << 16)) {
				int media = 0;
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.isBlank()) {
						continue;
					}
					if (line.contains("\"__parentId\"")) {
						// only media are nested in the query: keep as many as a page
						// takes
						if (++media > this.settings.mediaLimit()) {
							continue;
						}
					}
					else {
						counts[0]++;
						media = 0;
					}
					out.write(line.getBytes(StandardCharsets.UTF_8));
					out.write('\n');
					counts[1]++;
				}
			}
			if (counts[0] < roots) {
				throw new ShopifyException("bulk operation " + id + " of shop " + shop() + ": its result holds "
						+ counts[0] + " products but Shopify counted " + roots + " (rootObjectCount); the snapshot "
						+ "is not imported, so that no product is marked removed by a short read");
			}
			if (counts[0] == 0) {
				throw noProducts(this.client.shop(), this.settings);
			}
		});
		return new ShopifyProductExport.Result(ShopifyProductExport.Mode.BULK, counts[0], counts[1], null);
	}

	/** A shop that really has nothing to import says so in Shopify's terms. */
	static ShopifyException noProducts(ShopifyShop shop, ShopifyReadSettings settings) {
		String statuses = settings.statuses().isEmpty() ? ""
				: " with status " + String.join(" or ", settings.statuses());
		return new ShopifyException("shop " + shop.shop() + " has no products" + statuses
				+ " (Shopify counts 0); nothing to import"
				+ (settings.statuses().isEmpty() ? "" : ": the statuses imported are set by p2p.shopify.statuses"));
	}

	private static String messages(JsonNode errors) {
		StringBuilder messages = new StringBuilder();
		errors.forEach(
				(error) -> messages.append(messages.isEmpty() ? "" : "; ").append(error.path("message").asString("")));
		return messages.toString();
	}

	private String shop() {
		return this.client.shop().shop();
	}

	/** Shopify refused bulk operations to this app ({@code ACCESS_DENIED}). */
	static final class AccessDeniedException extends ShopifyException {

		AccessDeniedException(String message) {
			super(message, "ACCESS_DENIED");
		}

	}

}
