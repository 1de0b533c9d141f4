package com.prompt2pixel.connectors.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.prompt2pixel.templates.HtmlText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Shopify product snapshot: JSON Lines in the shape of a grouped bulk operation's
 * result. Each product is one line with the Admin GraphQL API's field names; its media
 * follow it, one line each, naming it in {@code __parentId}. The Shopify connector writes
 * the same shape for paged reads and webhooks, so one reader serves all three.
 *
 * <pre>
 * {"id":"gid://shopify/Product/1","handle":"mug","title":"Mug","descriptionHtml":"&lt;p&gt;…",
 *  "vendor":"…","productType":"…","tags":["…"],"category":{"fullName":"…"},
 *  "options":[{"name":"Color","optionValues":[{"name":"Red"}]}],"variantsCount":{"count":2},
 *  "priceRangeV2":{"minVariantPrice":{"amount":"12.5"}}}
 * {"id":"gid://shopify/MediaImage/7","mediaContentType":"IMAGE","image":{"url":"https://…"},
 *  "__parentId":"gid://shopify/Product/1"}
 * </pre>
 *
 * Streams in constant memory: a product is complete when the next product's line comes.
 * The row of a product or problem is its line number.
 */
final class ShopifySnapshot implements CatalogSource {

	static final String PRODUCT_GID = "gid://shopify/Product/";

	/** A line longer than this is skipped: no product's fields come near it. */
	static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final BufferedReader in;

	private long lineNumber;

	private long rowsRead;

	/** The product being assembled, its line and its images so far; null between. */
	private JsonNode current;

	private long currentLine;

	private final List<String> images = new ArrayList<>();

	/** The product after the current one, read ahead. */
	private JsonNode following;

	private long followingLine;

	private final Deque<CatalogEntry> problems = new ArrayDeque<>();

	private boolean ended;

	private ShopifySnapshot(Path file, BufferedReader in) {
		this.file = file;
		this.in = in;
	}

	static ShopifySnapshot open(Path file) {
		try {
			BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					1 << 16);
			return new ShopifySnapshot(file, in);
		}
		catch (IOException ex) {
			throw new CatalogFormatException("cannot read Shopify snapshot " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public CatalogEntry next() {
		while (true) {
			if (!this.problems.isEmpty()) {
				return this.problems.poll();
			}
			if (this.current == null) {
				if (this.following == null) {
					if (this.ended) {
						return null;
					}
					readOne();
					continue;
				}
				this.current = this.following;
				this.currentLine = this.followingLine;
				this.following = null;
			}
			// the current product is complete when the next one starts or the file ends
			while (this.following == null && !this.ended && this.problems.isEmpty()) {
				readOne();
			}
			if (!this.problems.isEmpty()) {
				continue;
			}
			JsonNode product = this.current;
			List<String> productImages = List.copyOf(this.images);
			this.current = null;
			this.images.clear();
			try {
				return CatalogEntry.of(toProduct(product, this.currentLine, productImages));
			}
			catch (InvalidCatalogRowException ex) {
				return CatalogEntry.of(ex.problem());
			}
		}
	}

	@Override
	public boolean hasMore() {
		while (this.problems.isEmpty() && this.current == null && this.following == null && !this.ended) {
			readOne();
		}
		return !this.problems.isEmpty() || this.current != null || this.following != null;
	}

	@Override
	public long rowsRead() {
		return this.rowsRead;
	}

	@Override
	public String format() {
		return "shopify-api, JSONL snapshot";
	}

	/** Shopify's name for a product's images. */
	@Override
	public String imageColumn() {
		return "media";
	}

	/**
	 * Reads one line: a product starts, a medium joins the current product, or a problem.
	 */
	private void readOne() {
		String text = readLine();
		if (text == null) {
			this.ended = true;
			return;
		}
		if (text.isBlank()) {
			return;
		}
		long line = this.lineNumber;
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			problem(line, "", "is not valid JSON: " + ex.getOriginalMessage());
			return;
		}
		if (!node.isObject()) {
			problem(line, "", "is not a JSON object");
			return;
		}
		String parent = node.path("__parentId").asString("");
		if (parent.isEmpty()) {
			String id = node.path("id").asString("");
			if (!id.startsWith(PRODUCT_GID)) {
				problem(line, "id", "is '" + id + "', not a Shopify product id (" + PRODUCT_GID + "N)");
				return;
			}
			this.rowsRead++;
			if (this.current == null) {
				this.current = node;
				this.currentLine = line;
			}
			else {
				this.following = node;
				this.followingLine = line;
			}
		}
		else if (this.current != null && this.following == null
				&& parent.equals(this.current.path("id").asString(""))) {
			String url = node.path("image").path("url").asString("").strip();
			if (!url.isEmpty()) {
				this.images.add(url);
			}
		}
		else {
			problem(line, "__parentId", "names '" + parent
					+ "', which is not the product above this line; a snapshot lists each product's media right "
					+ "after it (a bulk operation run with groupObjects: true)");
		}
	}

	private void problem(long line, String column, String reason) {
		this.rowsRead++;
		this.problems.add(CatalogEntry.of(new RowProblem(line, column, reason)));
	}

	private static CatalogProduct toProduct(JsonNode node, long line, List<String> images) {
		String handle = required(node, "handle", line);
		String title = required(node, "title", line);
		List<String> tags = new ArrayList<>();
		for (JsonNode tag : node.path("tags")) {
			String value = tag.asString("").strip();
			if (!value.isEmpty()) {
				tags.add(value);
			}
		}
		String price = node.path("priceRangeV2").path("minVariantPrice").path("amount").asString("");
		BigDecimal lowest;
		try {
			lowest = price.isEmpty() ? null : new BigDecimal(price);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCatalogRowException(line, "priceRangeV2", "is '" + price + "', not a price");
		}
		return new CatalogProduct(line, handle, node.path("id").asString(), null, title,
				HtmlText.toPlain(text(node, "descriptionHtml")), text(node, "vendor"), text(node, "productType"),
				node.path("category").path("fullName").asString("").strip(), tags, options(node),
				Math.max(1, node.path("variantsCount").path("count").asInt(1)), lowest, images, null);
	}

	/**
	 * {@code Color: Red, Blue; Size: S}, without Shopify's "Title: Default Title" and
	 * without the values no variant has ({@code hasVariants: false}: Shopify keeps a
	 * value after its last variant is deleted).
	 */
	private static String options(JsonNode product) {
		List<String> options = new ArrayList<>();
		for (JsonNode option : product.path("options")) {
			String name = option.path("name").asString("").strip();
			List<String> values = new ArrayList<>();
			for (JsonNode value : option.path("optionValues")) {
				if (!value.path("hasVariants").asBoolean(true)) {
					continue;
				}
				String text = value.path("name").asString("").strip();
				if (!text.isEmpty()) {
					values.add(text);
				}
			}
			ShopifyLayout.addOption(options, name, values);
		}
		return String.join("; ", options);
	}

	private static String required(JsonNode node, String field, long line) {
		String value = text(node, field);
		if (value.isEmpty()) {
			throw new InvalidCatalogRowException(line, field, "is empty");
		}
		return value;
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString("").strip();
	}

	/**
	 * The next line without its end, or null at the end; an over-long line is skipped.
	 */
	private String readLine() {
		try {
			StringBuilder line = new StringBuilder();
			boolean tooLong = false;
			int c;
			while ((c = this.in.read()) != -1 && c != '\n') {
				if (line.length() < MAX_LINE_CHARS) {
					line.append((char) c);
				}
				else {
					tooLong = true;
				}
			}
			if (c == -1 && line.isEmpty()) {
				return null;
			}
			this.lineNumber++;
			if (tooLong) {
				problem(this.lineNumber, "", "is longer than " + MAX_LINE_CHARS + " characters");
				return "";
			}
			int end = line.length();
			return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
		}
		catch (CharacterCodingException ex) {
			throw new CatalogFormatException(
					"Shopify snapshot " + this.file + " is not UTF-8 text near line " + (this.lineNumber + 1), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// nothing was written; nothing to lose
		}
	}

}
