package com.prompt2pixel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A shop's product media behind the Admin GraphQL API, as a WireMock transformer that
 * remembers what was attached: the token's scopes, {@code stagedUploadsCreate} (targets
 * on this server), the staged upload itself ({@code POST /staged-uploads}),
 * {@code productUpdate(media:)} appending a medium that is {@code READY} at once, the
 * product's media, {@code productReorderMedia} applying its moves in turn, and
 * {@code fileUpdate(referencesToRemove:)} detaching one. In the documented shapes, with a
 * cost report on every answer, counted by Shopify's documented rules (a mutation 10; an
 * object 1, a scalar 0; a connection 2 plus its objects, what {@code first} asks for
 * before the query runs, what it returned after), and kept: {@link #spent()}.
 * <p>
 * A fault can be armed for one step ({@link #failOnceAfter}): the step takes effect, and
 * its answer is an HTTP 403, which the client does not retry. So the publisher stops
 * right after that step, as it would if the process died there.
 */
public final class ShopifyMediaFake implements ResponseDefinitionTransformerV2 {

	public static final String NAME = "shopify-media";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, List<ObjectNode>> media = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(9000);

	private static final Pattern FIRST = Pattern.compile("media\\(first: (\\d+)");

	private final AtomicLong spent = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicInteger mostRequested = new AtomicInteger();

	private final AtomicReference<Step> fault = new AtomicReference<>();

	/** The steps of publishing a medium, in their order. */
	public enum Step {

		STAGE, UPLOAD, ATTACH, REORDER

	}

	private volatile int attachDelayMillis;

	/**
	 * Each attach takes effect at once and is answered this much later: a process killed
	 * meanwhile has attached a medium it has no answer for.
	 */
	public void answerAttachesAfter(int millis) {
		this.attachDelayMillis = millis;
	}

	/** All the media of every product, in no particular order. */
	public List<ObjectNode> allMedia() {
		return this.media.values().stream().flatMap(List::stream).toList();
	}

	/** The next time this step is asked for, it is done and its answer lost. */
	public void failOnceAfter(Step step) {
		this.fault.set(step);
	}

	/** Where the fake's server listens, once it has started. */
	private volatile String baseUrl;

	public void at(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** The media a product has now, in their order. */
	public List<ObjectNode> media(String productGid) {
		return List.copyOf(this.media.getOrDefault(productGid, List.of()));
	}

	/** Products start with images of their own, which must keep their places. */
	public void product(String productGid, String... ownImages) {
		List<ObjectNode> list = new ArrayList<>();
		for (String ownImage : ownImages) {
			ObjectNode own = JSON.createObjectNode();
			own.put("id", "gid://shopify/MediaImage/" + this.ids.incrementAndGet());
			own.put("alt", "");
			own.put("status", "READY");
			own.putObject("image").put("url", ownImage);
			own.putObject("originalSource").put("url", ownImage);
			own.putArray("mediaErrors");
			list.add(own);
		}
		this.media.put(productGid, list);
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		if (event.getRequest().getUrl().startsWith("/staged-uploads")) {
			return answered(Step.UPLOAD, aResponse().withStatus(201).build());
		}
		JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
		String query = request.path("query").asString("");
		JsonNode variables = request.path("variables");
		ObjectNode data = JSON.createObjectNode();
		if (query.contains("currentAppInstallation")) {
			ArrayNode scopes = data.putObject("currentAppInstallation").putArray("accessScopes");
			for (String scope : List.of("read_products", "write_products", "write_files")) {
				scopes.addObject().put("handle", scope);
			}
		}
		else if (query.contains("stagedUploadsCreate")) {
			String file = variables.path("input").path(0).path("filename").asString();
			ObjectNode payload = data.putObject("stagedUploadsCreate");
			ObjectNode target = payload.putArray("stagedTargets").addObject();
			target.put("url", this.baseUrl + "/staged-uploads");
			target.put("resourceUrl", this.baseUrl + "/staged-uploads/tmp/" + file);
			target.putArray("parameters").addObject().put("name", "key").put("value", "tmp/" + file);
			payload.putArray("userErrors");
		}
		else if (query.contains("productReorderMedia")) {
			List<ObjectNode> list = this.media.getOrDefault(variables.path("id").asString(), new ArrayList<>());
			for (JsonNode move : variables.path("moves")) {
				String id = move.path("id").asString();
				ObjectNode moved = list.stream()
					.filter((medium) -> medium.path("id").asString().equals(id))
					.findFirst()
					.orElseThrow();
				list.remove(moved);
				list.add(Math.min(Integer.parseInt(move.path("newPosition").asString()), list.size()), moved);
			}
			ObjectNode payload = data.putObject("productReorderMedia");
			payload.putObject("job").put("id", "gid://shopify/Job/" + this.ids.incrementAndGet());
			payload.putArray("mediaUserErrors");
		}
		else if (query.contains("productUpdate")) {
			String product = variables.path("product").path("id").asString();
			for (JsonNode input : variables.path("media")) {
				String source = input.path("originalSource").asString();
				ObjectNode medium = JSON.createObjectNode();
				medium.put("id", "gid://shopify/MediaImage/" + this.ids.incrementAndGet());
				medium.put("alt", input.path("alt").asString(""));
				medium.put("status", "READY");
				medium.putObject("image")
					.put("url", "https://cdn.shopify.com/s/files/1/" + source.substring(source.lastIndexOf('/') + 1));
				medium.putObject("originalSource").put("url", source);
				medium.putArray("mediaErrors");
				this.media.computeIfAbsent(product, (key) -> new ArrayList<>()).add(medium);
			}
			ObjectNode payload = data.putObject("productUpdate");
			List<ObjectNode> now = media(product);
			ObjectNode answered = payload.putObject("product").put("id", product);
			answered.putObject("mediaCount").put("count", now.size());
			ArrayNode last = answered.putObject("media").putArray("nodes");
			if (!now.isEmpty()) {
				last.add(now.get(now.size() - 1));
			}
			payload.putArray("userErrors");
		}
		else if (query.contains("query Medium")) {
			String id = variables.path("id").asString();
			data.set("node",
					allMedia().stream()
						.filter((medium) -> medium.path("id").asString().equals(id))
						.findFirst()
						.orElse(null));
		}
		else if (query.contains("ProductMedia")) {
			ObjectNode product = data.putObject("product");
			ObjectNode connection = product.putObject("media");
			ArrayNode nodes = connection.putArray("nodes");
			List<ObjectNode> all = media(variables.path("id").asString());
			int from = variables.path("after").isString() ? Integer.parseInt(variables.path("after").asString()) : 0;
			int to = Math.min(all.size(), from + first(query));
			all.subList(from, to).forEach(nodes::add);
			connection.putObject("pageInfo").put("hasNextPage", to < all.size()).put("endCursor", Integer.toString(to));
		}
		else if (query.contains("fileUpdate")) {
			ArrayNode files = JSON.createArrayNode();
			for (JsonNode file : variables.path("files")) {
				String id = file.path("id").asString();
				for (JsonNode product : file.path("referencesToRemove")) {
					this.media.getOrDefault(product.asString(), new ArrayList<>())
						.removeIf((medium) -> medium.path("id").asString().equals(id));
				}
				files.addObject().put("id", id);
			}
			ObjectNode payload = data.putObject("fileUpdate");
			payload.set("files", files);
			payload.putArray("userErrors");
		}
		else {
			return aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errors\":[{\"message\":\"the media fake does not answer this query\"}]}")
				.build();
		}
		int[] cost = cost(query, data);
		this.requests.incrementAndGet();
		this.spent.addAndGet(cost[1]);
		this.mostRequested.accumulateAndGet(cost[0], Math::max);
		ObjectNode answer = JSON.createObjectNode();
		answer.set("data", data);
		answer.putObject("extensions")
			.putObject("cost")
			.put("requestedQueryCost", cost[0])
			.put("actualQueryCost", cost[1])
			.putObject("throttleStatus")
			.put("maximumAvailable", 2000.0)
			.put("currentlyAvailable", 2000 - cost[0])
			.put("restoreRate", 100.0);
		ResponseDefinition ok = aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(JSON.writeValueAsString(answer))
			.build();
		if (query.contains("stagedUploadsCreate")) {
			return answered(Step.STAGE, ok);
		}
		if (query.contains("productUpdate")) {
			return answered(Step.ATTACH,
					ResponseDefinitionBuilder.like(ok).withFixedDelay(this.attachDelayMillis).build());
		}
		if (query.contains("productReorderMedia")) {
			return answered(Step.REORDER, ok);
		}
		return ok;
	}

	/**
	 * The points of the queries answered: {@code [requested, actual]}. A mutation costs
	 * 10, and the attach 7 more for the product it answers (the product, its media count,
	 * and a connection of one medium); the scopes 1 and 1 a scope; one medium by its id
	 * 3; a page of media 1 for the product, 1 for its page info and 2 for the connection,
	 * plus 3 a medium (the medium, its image, its original source: objects; their fields
	 * are scalars), for as many as {@code first} asks before the query runs and as many
	 * as came back after.
	 */
	private static int[] cost(String query, ObjectNode data) {
		if (query.contains("productUpdate")) {
			return new int[] { 17, 17 };
		}
		if (query.strip().startsWith("mutation")) {
			return new int[] { 10, 10 };
		}
		if (query.contains("query Medium")) {
			return new int[] { 3, 3 };
		}
		if (query.contains("ProductMedia")) {
			int returned = data.path("product").path("media").path("nodes").size();
			return new int[] { 4 + 3 * first(query), 4 + 3 * returned };
		}
		int scopes = data.path("currentAppInstallation").path("accessScopes").size();
		return new int[] { 1 + scopes, 1 + scopes };
	}

	private static int first(String query) {
		Matcher first = FIRST.matcher(query);
		return first.find() ? Integer.parseInt(first.group(1)) : 250;
	}

	/** The actual cost of every query answered so far, in points. */
	public long spent() {
		return this.spent.get();
	}

	/** The most points one query asked to have available before it ran. */
	public int mostRequested() {
		return this.mostRequested.get();
	}

	/** The queries answered so far. */
	public long requests() {
		return this.requests.get();
	}

	/** The answer to a step that has been done, or a 403 when its fault is armed. */
	private ResponseDefinition answered(Step step, ResponseDefinition answer) {
		if (this.fault.compareAndSet(step, null)) {
			return aResponse().withStatus(403)
				.withBody("[API] This action was done, but its answer is lost (the fake's fault after " + step + ")")
				.build();
		}
		return answer;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
