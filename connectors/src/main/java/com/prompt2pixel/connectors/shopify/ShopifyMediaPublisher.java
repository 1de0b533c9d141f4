package com.prompt2pixel.connectors.shopify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Attaches images to a Shopify product as media, exactly once, through the Admin GraphQL
 * API: {@code stagedUploadsCreate} gives an upload target, the bytes are sent to it, and
 * {@code productUpdate(media: …)} attaches the upload to the product (appended after its
 * media; {@code productCreateMedia} is deprecated); then the medium is polled until it is
 * {@code READY} or {@code FAILED} ({@code mediaErrors} become the error).
 * <p>
 * Each upload is named by a marker of the image ({@code p2p-<marker>.<ext>}), which the
 * medium's original source keeps while it is processed, and its image's URL once it is:
 * before attaching an image an earlier attempt may have attached
 * ({@link Image#mayBeAttached()}), and when an attach got no answer, the product's media
 * are searched for the marker, so a retry after a crash finds the medium it already
 * attached instead of attaching a second one. A first attempt skips the search, the
 * caller having recorded that it began; the caller also places the medium
 * ({@link #moveTo}) and puts an earlier order back ({@link #restoreOrder}).
 */
public class ShopifyMediaPublisher {

	static final String STAGE = """
			mutation Stage($input: [StagedUploadInput!]!) {
			  stagedUploadsCreate(input: $input) {
			    stagedTargets { url resourceUrl parameters { name value } }
			    userErrors { field message }
			  }
			}""";

	/**
	 * The attach answers the medium it appended (the product's last) and how many media
	 * the product has, so that neither needs the product's media read again.
	 */
	static final String ATTACH = """
			mutation Attach($product: ProductUpdateInput!, $media: [CreateMediaInput!]) {
			  productUpdate(product: $product, media: $media) {
			    product { id mediaCount { count } media(last: 1) { nodes { id alt status
			      ... on MediaImage { image { url } originalSource { url } mediaErrors { code message } } } } }
			    userErrors { field message }
			  }
			}""";

	/** One medium, while Shopify processes it. */
	static final String MEDIUM = """
			query Medium($id: ID!) {
			  node(id: $id) { id ... on MediaImage { alt status image { url } originalSource { url }
			    mediaErrors { code message } } }
			}""";

	/**
	 * A page of the product's media. Its requested cost is what the throttle holds back
	 * before the query runs (2 for the connection plus 3 a medium asked for: the medium,
	 * its image, its original source; plus 1 each for the product and the page info): 50
	 * a page asks 154 points, where all 250 a product may have in one page would ask 754.
	 * Most products have fewer than 50.
	 */
	static final String MEDIA = """
			query ProductMedia($id: ID!, $after: String) {
			  product(id: $id) { media(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
			    nodes { id alt status
			    ... on MediaImage { image { url } originalSource { url } mediaErrors { code message } } } } }
			}""";

	static final String DETACH = """
			mutation Detach($files: [FileUpdateInput!]!) {
			  fileUpdate(files: $files) { files { id } userErrors { field message code } }
			}""";

	static final String REORDER = """
			mutation Reorder($id: ID!, $moves: [MoveInput!]!) {
			  productReorderMedia(id: $id, moves: $moves) { job { id } mediaUserErrors { field message code } }
			}""";

	static final String SCOPES = "query Scopes { currentAppInstallation { accessScopes { handle } } }";

	/** What attaching and detaching media needs of the access token. */
	static final List<String> NEEDED_SCOPES = List.of("write_products", "write_files");

	private final ShopifyClient client;

	private final HttpClient http;

	private final Pause pause;

	private final Duration pollInterval;

	private final Duration processingTimeout;

	public ShopifyMediaPublisher(ShopifyClient client, HttpClient http, Pause pause, Duration pollInterval,
			Duration processingTimeout) {
		this.client = client;
		this.http = http;
		this.pause = pause;
		this.pollInterval = pollInterval;
		this.processingTimeout = processingTimeout;
	}

	/**
	 * One image for a product.
	 *
	 * @param productGid the product, {@code gid://shopify/Product/N}
	 * @param marker what names this image among the product's media, unique per image and
	 * target ({@code task-123})
	 * @param bytes the encoded image
	 * @param mimeType its type, {@code image/jpeg}
	 * @param extension its extension, {@code jpg}
	 * @param alt the alt text, at most 512 characters
	 * @param mayBeAttached whether an earlier attempt may have attached it (it began and
	 * its outcome was not recorded): the product's media are searched for its marker
	 * before anything is sent. Only a first attempt may say no.
	 */
	public record Image(String productGid, String marker, byte[] bytes, String mimeType, String extension, String alt,
			boolean mayBeAttached) {

		/** An image that an earlier attempt may have attached. */
		public Image(String productGid, String marker, byte[] bytes, String mimeType, String extension, String alt) {
			this(productGid, marker, bytes, mimeType, extension, alt, true);
		}

		public Image {
			if (!productGid.startsWith("gid://shopify/Product/")) {
				throw new IllegalArgumentException("'" + productGid + "' is not a Shopify product id");
			}
			if (!marker.matches("[a-z0-9-]+")) {
				throw new IllegalArgumentException("marker '" + marker + "' is not lower-case letters, digits and -");
			}
			alt = (alt.length() > 512) ? alt.substring(0, 512) : alt;
		}

		String fileName() {
			return "p2p-" + this.marker + "." + this.extension;
		}

	}

	/**
	 * @param mediaId the medium's id
	 * @param url its image on Shopify's CDN
	 * @param adopted whether an earlier attempt had attached it
	 * @param position its place among the product's media when it was attached or found
	 * ({@code 0}: the primary image)
	 * @param mediaCount how many media the product had then
	 */
	public record Attached(String mediaId, String url, boolean adopted, int position, int mediaCount) {
	}

	/** A medium of the product, its place among the product's media, and their count. */
	private record Found(JsonNode medium, int position, int mediaCount) {
	}

	/**
	 * One of a product's media as it stands.
	 *
	 * @param id the medium's id, {@code gid://shopify/MediaImage/N}
	 * @param alt its alt text
	 */
	public record Medium(String id, String alt) {
	}

	/**
	 * Checks that the access token may attach and detach media.
	 * @throws ShopifyException naming the scopes it lacks
	 */
	public void checkScopes() {
		List<String> granted = new ArrayList<>();
		this.client.query(SCOPES, Map.of())
			.path("currentAppInstallation")
			.path("accessScopes")
			.forEach((scope) -> granted.add(scope.path("handle").asString("")));
		List<String> missing = NEEDED_SCOPES.stream().filter((scope) -> !granted.contains(scope)).toList();
		if (!missing.isEmpty()) {
			throw new ShopifyException("the access token of shop " + this.client.shop().shop() + " lacks the scopes "
					+ String.join(", ", missing) + " that publishing product media needs (it has: "
					+ (granted.isEmpty() ? "none" : String.join(", ", granted)) + ")");
		}
	}

	/**
	 * Attaches the image unless the product has it already, and waits until Shopify has
	 * processed it.
	 * @throws ShopifyException naming Shopify's reason (a {@code FAILED} medium's
	 * {@code mediaErrors}, a user error, a refused scope)
	 */
	public Attached publish(Image image) {
		if (image.mayBeAttached()) {
			Optional<Found> existing = find(image);
			if (existing.isPresent()) {
				return ready(image, existing.get(), true);
			}
		}
		JsonNode target = stage(image);
		upload(target, image);
		Found attached = null;
		try {
			JsonNode updated = this.client.mutateOnce(ATTACH,
					Map.of("product", Map.of("id", image.productGid()), "media", List.of(Map.of("originalSource",
							target.path("resourceUrl").asString(), "alt", image.alt(), "mediaContentType", "IMAGE"))))
				.path("productUpdate");
			userErrors(updated, "did not attach the image to product " + image.productGid());
			attached = appended(image, updated.path("product"));
		}
		catch (ShopifyOutcomeUnknownException ex) {
			// it may have attached it: the marker tells
		}
		Found medium = (attached != null) ? attached
				: find(image)
					.orElseThrow(() -> new ShopifyException("shop " + this.client.shop().shop() + " shows no medium "
							+ image.fileName() + " on product " + image.productGid() + " after attaching it"));
		return ready(image, medium, false);
	}

	/**
	 * The medium the attach appended, from its answer: the product's last, when it
	 * carries the image's marker; null when the answer does not show it.
	 */
	private static Found appended(Image image, JsonNode product) {
		JsonNode last = product.path("media").path("nodes").path(0);
		int count = product.path("mediaCount").path("count").asInt(0);
		if (last.isMissingNode() || count < 1 || !carries(last, image)) {
			return null;
		}
		return new Found(last, count - 1, count);
	}

	/**
	 * Detaches media from a product; the files stay in the shop's files.
	 */
	public void detach(String productGid, List<String> mediaIds) {
		if (mediaIds.isEmpty()) {
			return;
		}
		List<Map<String, Object>> files = new ArrayList<>();
		for (String id : mediaIds) {
			files.add(Map.of("id", id, "referencesToRemove", List.of(productGid)));
		}
		userErrors(this.client.query(DETACH, Map.of("files", files)).path("fileUpdate"),
				"did not detach media from product " + productGid);
	}

	/**
	 * The product's media in their order; the first is its primary image.
	 */
	public List<Medium> media(String productGid) {
		List<Medium> media = new ArrayList<>();
		for (JsonNode medium : nodes(productGid)) {
			media.add(new Medium(medium.path("id").asString(), medium.path("alt").asString("")));
		}
		return media;
	}

	/**
	 * Moves the medium just attached or found from where it was then
	 * ({@link Attached#position()}) to a place among the product's media ({@code 0}: the
	 * primary image), without reading them again; nothing is sent when it is there.
	 */
	public void moveTo(String productGid, Attached attached, int position) {
		int wanted = Math.min(position, attached.mediaCount() - 1);
		if (attached.position() != wanted) {
			reorder(productGid, List.of(Map.of("id", attached.mediaId(), "newPosition", Integer.toString(wanted))));
		}
	}

	/**
	 * Puts the product's media back in an earlier order: those of {@code order} the
	 * product still has come first, in that order (the first is the primary image again);
	 * media added since follow in their own order. Nothing is sent when the order stands.
	 * @return whether the order had to change
	 */
	public boolean restoreOrder(String productGid, List<String> order) {
		List<String> ids = media(productGid).stream().map(Medium::id).toList();
		List<String> kept = order.stream().filter(ids::contains).toList();
		if (ids.subList(0, kept.size()).equals(kept)) {
			return false;
		}
		// moves are applied in turn: each to its place, so the earlier ones stay put
		List<Map<String, Object>> moves = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			moves.add(Map.of("id", kept.get(i), "newPosition", Integer.toString(i)));
		}
		reorder(productGid, moves);
		return true;
	}

	/**
	 * {@code productReorderMedia}: Shopify applies the moves in a job of its own, in
	 * order; moving a medium to where it is changes nothing, so a retry is harmless.
	 */
	private void reorder(String productGid, List<Map<String, Object>> moves) {
		JsonNode payload = this.client.query(REORDER, Map.of("id", productGid, "moves", moves))
			.path("productReorderMedia");
		JsonNode errors = payload.path("mediaUserErrors");
		if (!errors.isEmpty()) {
			List<String> messages = new ArrayList<>();
			errors.forEach((error) -> messages.add(error.path("message").asString("")));
			throw new ShopifyException("shop " + this.client.shop().shop() + " did not reorder the media of product "
					+ productGid + ": " + String.join("; ", messages));
		}
	}

	/** Every medium of the product, in order, page after page. */
	private List<JsonNode> nodes(String productGid) {
		List<JsonNode> nodes = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", productGid);
			variables.put("after", after);
			JsonNode product = this.client.query(MEDIA, variables).path("product");
			if (product.isMissingNode() || product.isNull()) {
				throw new ShopifyException(
						"shop " + this.client.shop().shop() + " has no product " + productGid + " (deleted?)");
			}
			JsonNode media = product.path("media");
			media.path("nodes").forEach(nodes::add);
			JsonNode page = media.path("pageInfo");
			after = page.path("hasNextPage").asBoolean(false) ? page.path("endCursor").asString(null) : null;
		}
		while (after != null);
		return nodes;
	}

	private Optional<Found> find(Image image) {
		List<JsonNode> media = nodes(image.productGid());
		for (int i = 0; i < media.size(); i++) {
			if (carries(media.get(i), image)) {
				return Optional.of(new Found(media.get(i), i, media.size()));
			}
		}
		return Optional.empty();
	}

	/** Whether the medium's file is the image's upload. */
	private static boolean carries(JsonNode medium, Image image) {
		String name = "p2p-" + image.marker() + ".";
		for (String url : List.of(medium.path("originalSource").path("url").asString(""),
				medium.path("image").path("url").asString(""))) {
			String file = fileName(url);
			// Shopify may add a suffix to a repeated name: p2p-task-1_8f2e….jpg
			if (file.startsWith(name) || file.startsWith("p2p-" + image.marker() + "_")) {
				return true;
			}
		}
		return false;
	}

	private static String fileName(String url) {
		if (url.isEmpty()) {
			return "";
		}
		String path = URI.create(url).getPath();
		return (path != null) ? path.substring(path.lastIndexOf('/') + 1) : "";
	}

	private JsonNode stage(Image image) {
		JsonNode staged = this.client
			.query(STAGE,
					Map.of("input",
							List.of(Map.of("filename", image.fileName(), "mimeType", image.mimeType(), "httpMethod",
									"POST", "resource", "IMAGE", "fileSize", Long.toString(image.bytes().length)))))
			.path("stagedUploadsCreate");
		userErrors(staged, "gave no upload target for " + image.fileName());
		JsonNode target = staged.path("stagedTargets").path(0);
		if (target.path("url").asString("").isEmpty() || target.path("resourceUrl").asString("").isEmpty()) {
			throw new ShopifyException("shop " + this.client.shop().shop() + " gave no upload target for "
					+ image.fileName() + " and no reason");
		}
		return target;
	}

	/**
	 * The staged upload: a multipart form with Shopify's parameters first, the file last.
	 */
	private void upload(JsonNode target, Image image) {
		String boundary = "p2p-" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		for (JsonNode parameter : target.path("parameters")) {
			head.append("--")
				.append(boundary)
				.append("\r\n")
				.append("Content-Disposition: form-data; name=\"")
				.append(parameter.path("name").asString())
				.append("\"\r\n\r\n")
				.append(parameter.path("value").asString())
				.append("\r\n");
		}
		head.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"file\"; filename=\"")
			.append(image.fileName())
			.append("\"\r\nContent-Type: ")
			.append(image.mimeType())
			.append("\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + image.bytes().length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(image.bytes(), 0, body, start.length, image.bytes().length);
		System.arraycopy(end, 0, body, start.length + image.bytes().length, end.length);
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(URI.create(target.path("url").asString()))
				.timeout(Duration.ofMinutes(2))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ShopifyException("cannot upload " + image.fileName() + " to Shopify's staged target: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopifyException("interrupted while uploading " + image.fileName(), ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new ShopifyException("Shopify's staged upload target refused " + image.fileName() + " (HTTP "
					+ response.statusCode() + ")");
		}
	}

	/**
	 * Polls the medium, as last seen, until Shopify has processed it: by its id, which
	 * asks a few points where the product's media would ask for all of them.
	 */
	private Attached ready(Image image, Found found, boolean adopted) {
		String mediaId = found.medium().path("id").asString();
		long deadline = System.nanoTime() + this.processingTimeout.toNanos();
		JsonNode medium = found.medium();
		while (true) {
			String status = medium.path("status").asString("");
			if ("READY".equals(status)) {
				return new Attached(mediaId, medium.path("image").path("url").asString(null), adopted, found.position(),
						found.mediaCount());
			}
			if ("FAILED".equals(status)) {
				List<String> errors = new ArrayList<>();
				medium.path("mediaErrors")
					.forEach((error) -> errors
						.add(error.path("code").asString("") + ": " + error.path("message").asString("")));
				throw new ShopifyException(
						"Shopify could not process " + image.fileName() + " on product " + image.productGid() + ": "
								+ (errors.isEmpty() ? "no reason given" : String.join("; ", errors)));
			}
			if (System.nanoTime() > deadline) {
				throw new ShopifyException("medium " + mediaId + " on product " + image.productGid() + " was still "
						+ status + " after " + this.processingTimeout);
			}
			try {
				this.pause.pause(this.pollInterval);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ShopifyException("interrupted while waiting for medium " + mediaId, ex);
			}
			medium = this.client.query(MEDIUM, Map.of("id", mediaId)).path("node");
			if (medium.isMissingNode() || medium.isNull()) {
				throw new ShopifyException(
						"medium " + mediaId + " left product " + image.productGid() + " while it was processed");
			}
		}
	}

	private void userErrors(JsonNode payload, String what) {
		JsonNode errors = payload.path("userErrors");
		if (errors.isEmpty()) {
			return;
		}
		List<String> messages = new ArrayList<>();
		errors.forEach((error) -> messages.add(error.path("message").asString("")));
		throw new ShopifyException(
				"shop " + this.client.shop().shop() + " " + what + ": " + String.join("; ", messages));
	}

}
