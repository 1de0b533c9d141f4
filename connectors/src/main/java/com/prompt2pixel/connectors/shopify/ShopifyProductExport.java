package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.prompt2pixel.connectors.io.AtomicFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a shop's products into a snapshot file, the JSON Lines of a grouped bulk
 * operation, which the catalog reader imports like any catalog file. A small shop is read
 * with paged queries; a large one with a bulk operation, which Shopify runs in the
 * background without counting it against the throttle. Either way the file appears only
 * when complete.
 */
public class ShopifyProductExport {

	/** How to read the products. */
	public enum Mode {

		/** Paged below {@link ShopifyProductExport#bulkThreshold} products, else bulk. */
		AUTO,
		/** Paged queries, {@link #PAGE_SIZE} products at a time. */
		PAGED,
		/** One bulk operation. */
		BULK

	}

	/**
	 * What was read.
	 *
	 * @param mode how
	 * @param products products written
	 * @param lines lines written, media included
	 */
	public record Result(Mode mode, long products, long lines) {
	}

	/**
	 * Products per page, with up to {@link #MEDIA_PER_PRODUCT} media each: a query of
	 * about 300 points.
	 */
	static final int PAGE_SIZE = 25;

	static final int MEDIA_PER_PRODUCT = 10;

	/** The product's fields in the snapshot; the media are asked for beside them. */
	static final String PRODUCT_FIELDS = """
			id handle title descriptionHtml vendor productType tags status
			category { fullName }
			options { name optionValues { name } }
			variantsCount { count }
			priceRangeV2 { minVariantPrice { amount currencyCode } }""";

	static final String MEDIA_FIELDS = "id mediaContentType ... on MediaImage { image { url } }";

	static final String COUNT_QUERY = "query { productsCount(limit: null) { count } }";

	static final String PAGE_QUERY = """
			query Products($first: Int!, $after: String) {
			  products(first: $first, after: $after, sortKey: ID) {
			    pageInfo { hasNextPage endCursor }
			    nodes { %s
			      media(first: %d) { nodes { %s } } }
			  }
			}""".formatted(PRODUCT_FIELDS, MEDIA_PER_PRODUCT, MEDIA_FIELDS);

	static final String BULK_QUERY = """
			{ products { edges { node { %s
			  media { edges { node { %s } } } } } } }""".formatted(PRODUCT_FIELDS, MEDIA_FIELDS);

	static final String BULK_RUN = """
			mutation RunBulk($query: String!) {
			  bulkOperationRunQuery(query: $query, groupObjects: true) {
			    bulkOperation { id status }
			    userErrors { field message code }
			  }
			}""";

	static final String BULK_POLL = """
			query BulkOperation($id: ID!) {
			  node(id: $id) { ... on BulkOperation { id status errorCode objectCount rootObjectCount url } }
			}""";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final byte[] NEWLINE = { '\n' };

	private final ShopifyClient client;

	private final int bulkThreshold;

	private final Duration pollInterval;

	private final Duration bulkTimeout;

	private final Pause pause;

	/**
	 * @param bulkThreshold from this many products on, {@link Mode#AUTO} runs a bulk
	 * operation
	 * @param pollInterval how often a bulk operation's status is asked for
	 * @param bulkTimeout how long a bulk operation may take before the read fails
	 */
	public ShopifyProductExport(ShopifyClient client, int bulkThreshold, Duration pollInterval, Duration bulkTimeout,
			Pause pause) {
		this.client = client;
		this.bulkThreshold = bulkThreshold;
		this.pollInterval = pollInterval;
		this.bulkTimeout = bulkTimeout;
		this.pause = pause;
	}

	/**
	 * Writes the shop's products to {@code snapshot}.
	 * @throws ShopifyException when Shopify cannot give them
	 */
	public Result export(Path snapshot, Mode mode) {
		Mode chosen = mode;
		if (mode == Mode.AUTO) {
			long count = this.client.query(COUNT_QUERY, Map.of()).path("productsCount").path("count").asLong(0);
			chosen = (count >= this.bulkThreshold) ? Mode.BULK : Mode.PAGED;
		}
		return (chosen == Mode.BULK) ? bulk(snapshot) : paged(snapshot);
	}

	private Result paged(Path snapshot) {
		long[] counts = new long[2];
		AtomicFiles.write(snapshot, (out) -> {
			String cursor = null;
			boolean more = true;
			while (more) {
				Map<String, Object> variables = new HashMap<>();
				variables.put("first", PAGE_SIZE);
				variables.put("after", cursor);
				JsonNode products = this.client.query(PAGE_QUERY, variables).path("products");
				for (JsonNode product : products.path("nodes")) {
					writeProduct(out, product, counts);
				}
				JsonNode page = products.path("pageInfo");
				more = page.path("hasNextPage").asBoolean(false);
				cursor = page.path("endCursor").asString(null);
				if (more && cursor == null) {
					throw new ShopifyException("shop " + this.client.shop().shop()
							+ " said there are more products but gave no cursor to read them");
				}
			}
		});
		return new Result(Mode.PAGED, counts[0], counts[1]);
	}

	/**
	 * The product on one line, then each of its media naming it, as a bulk operation
	 * writes them.
	 */
	private static void writeProduct(OutputStream out, JsonNode product, long[] counts) throws IOException {
		ObjectNode line = ((ObjectNode) product).deepCopy();
		JsonNode media = line.remove("media");
		writeLine(out, line);
		counts[0]++;
		counts[1]++;
		String id = line.path("id").asString();
		if (media == null) {
			return;
		}
		for (JsonNode medium : media.path("nodes")) {
			ObjectNode child = ((ObjectNode) medium).deepCopy();
			child.put("__parentId", id);
			writeLine(out, child);
			counts[1]++;
		}
	}

	private static void writeLine(OutputStream out, JsonNode node) throws IOException {
		out.write(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
		out.write(NEWLINE);
	}

	private Result bulk(Path snapshot) {
		String shop = this.client.shop().shop();
		JsonNode started = this.client.query(BULK_RUN, Map.of("query", BULK_QUERY)).path("bulkOperationRunQuery");
		JsonNode errors = started.path("userErrors");
		if (!errors.isEmpty()) {
			StringBuilder messages = new StringBuilder();
			errors.forEach((error) -> messages.append(messages.isEmpty() ? "" : "; ")
				.append(error.path("message").asString("")));
			throw new ShopifyException("shop " + shop + " did not start the bulk operation: " + messages);
		}
		String id = started.path("bulkOperation").path("id").asString("");
		if (id.isEmpty()) {
			throw new ShopifyException("shop " + shop + " started no bulk operation and gave no reason");
		}
		long deadline = System.nanoTime() + this.bulkTimeout.toNanos();
		while (true) {
			JsonNode operation = this.client.query(BULK_POLL, Map.of("id", id)).path("node");
			String status = operation.path("status").asString("");
			switch (status) {
				case "COMPLETED" -> {
					return download(snapshot, operation);
				}
				case "CREATED", "RUNNING" -> {
					// still working
				}
				default -> throw new ShopifyException("bulk operation " + id + " of shop " + shop + " ended "
						+ (status.isEmpty() ? "unknown" : status) + errorCode(operation));
			}
			if (System.nanoTime() > deadline) {
				throw new ShopifyException("bulk operation " + id + " of shop " + shop + " did not finish within "
						+ this.bulkTimeout + "; it may still finish in Shopify, and the next import starts another");
			}
			try {
				this.pause.pause(this.pollInterval);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ShopifyException("interrupted while waiting for bulk operation " + id, ex);
			}
		}
	}

	private static String errorCode(JsonNode operation) {
		String code = operation.path("errorCode").asString("");
		return code.isEmpty() ? "" : " (" + code + ")";
	}

	/** A shop without products completes with no URL: the snapshot is then empty. */
	private Result download(Path snapshot, JsonNode operation) {
		String url = operation.path("url").asString("");
		long[] lines = new long[1];
		AtomicFiles.write(snapshot, (out) -> {
			if (url.isEmpty()) {
				return;
			}
			try (InputStream in = this.client.download(URI.create(url))) {
				byte[] buffer = new byte[1 << 16];
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					for (int i = 0; i < read; i++) {
						if (buffer[i] == '\n') {
							lines[0]++;
						}
					}
				}
			}
		});
		return new Result(Mode.BULK, operation.path("rootObjectCount").asLong(0), lines[0]);
	}

}
