package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.prompt2pixel.connectors.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a shop's products into a snapshot file, the JSON Lines of a grouped bulk
 * operation, which the catalog reader imports like any catalog file. A small shop is read
 * with paged queries; a large one with a bulk operation ({@link ShopifyBulkRead}), which
 * Shopify runs in the background without counting it against the throttle. Either way the
 * file appears only when complete, and only when it holds as many products as Shopify
 * counts: a short read would otherwise mark the products it lacks as removed.
 */
public class ShopifyProductExport {

	private static final Logger logger = LoggerFactory.getLogger(ShopifyProductExport.class);

	/** How to read the products. */
	public enum Mode {

		/** Paged below the bulk threshold, else bulk. */
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
	 * @param note what the import's report should say about the read (a fallback), or
	 * null
	 */
	public record Result(Mode mode, long products, long lines, String note) {
	}

	/** Products per page: with 10 media each, a query of about 300 points. */
	static final int PAGE_SIZE = 25;

	/** The product's fields in the snapshot; the media are asked for beside them. */
	static final String PRODUCT_FIELDS = """
			id handle title descriptionHtml vendor productType tags status
			category { fullName }
			options { name optionValues { name hasVariants } }
			variantsCount { count }
			priceRangeV2 { minVariantPrice { amount currencyCode } }""";

	static final String MEDIA_FIELDS = "id mediaContentType ... on MediaImage { image { url } }";

	static final String COUNT_QUERY = """
			query CountProducts($query: String) { productsCount(query: $query, limit: null) { count } }""";

	static final String PAGE_QUERY = """
			query Products($first: Int!, $after: String, $query: String, $media: Int!) {
			  products(first: $first, after: $after, query: $query, sortKey: ID) {
			    pageInfo { hasNextPage endCursor }
			    nodes { %s
			      media(first: $media) { nodes { %s } } }
			  }
			}""".formatted(PRODUCT_FIELDS, MEDIA_FIELDS);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final byte[] NEWLINE = { '\n' };

	private final ShopifyClient client;

	private final ShopifyReadSettings settings;

	private final Pause pause;

	public ShopifyProductExport(ShopifyClient client, ShopifyReadSettings settings, Pause pause) {
		this.client = client;
		this.settings = settings;
		this.pause = pause;
	}

	/**
	 * Writes the shop's products to {@code snapshot}.
	 * @throws ShopifyException when Shopify cannot give them, or gives fewer than it
	 * counts
	 */
	public Result export(Path snapshot, Mode mode) {
		Long count = null;
		Mode chosen = mode;
		if (mode == Mode.AUTO) {
			count = count();
			chosen = (count >= this.settings.bulkThreshold()) ? Mode.BULK : Mode.PAGED;
		}
		if (chosen == Mode.PAGED) {
			return paged(snapshot, (count != null) ? count : count(), null);
		}
		try {
			return new ShopifyBulkRead(this.client, this.settings, this.pause, this::count).read(snapshot);
		}
		catch (ShopifyBulkRead.AccessDeniedException ex) {
			String note = "read page by page: Shopify refused the bulk operation (" + ex.getMessage()
					+ "); bulk queries must be allowed for the app in the Partner Dashboard (Apps → the app → "
					+ "API access requests → Allow bulk queries), and lapse after 31 days unused";
			logger.warn("shop {}: {}", this.client.shop().shop(), note);
			return paged(snapshot, (count != null) ? count : count(), note);
		}
	}

	/** How many products of the imported statuses Shopify counts. */
	long count() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("query", this.settings.productQuery());
		JsonNode count = this.client.query(COUNT_QUERY, variables).path("productsCount").path("count");
		if (!count.canConvertToLong()) {
			throw new ShopifyException("shop " + this.client.shop().shop() + " gave no product count");
		}
		return count.asLong();
	}

	private Result paged(Path snapshot, long expected, String note) {
		long[] counts = new long[2];
		AtomicFiles.write(snapshot, (out) -> {
			String cursor = null;
			boolean more = true;
			while (more) {
				Map<String, Object> variables = new HashMap<>();
				variables.put("first", PAGE_SIZE);
				variables.put("after", cursor);
				variables.put("query", this.settings.productQuery());
				variables.put("media", this.settings.mediaLimit());
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
			checkCount(counts[0], expected);
		});
		return new Result(Mode.PAGED, counts[0], counts[1], note);
	}

	/**
	 * A paged read that found fewer products than Shopify counted before it is short,
	 * unless products were deleted meanwhile: then Shopify's count now agrees.
	 */
	private void checkCount(long read, long expected) {
		if (read < expected) {
			long now = count();
			if (read < now) {
				throw new ShopifyException("shop " + this.client.shop().shop() + ": the paged read found " + read
						+ " products but Shopify counts " + now + " (productsCount); the snapshot is not imported, "
						+ "so that no product is marked removed by a short read");
			}
		}
		if (read == 0) {
			throw ShopifyBulkRead.noProducts(this.client.shop(), this.settings);
		}
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

}
