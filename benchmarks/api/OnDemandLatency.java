import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submit-to-image latency of on-demand generations while a batch run of at least 1,000
 * tasks occupies the generator of a running {@code serve}: the batch run is started from
 * a completed catalog import of the key's merchant (with enough variants to make 1,000
 * tasks), and once it renders, on-demand generations of one product in one scene are
 * submitted one after another, each polled every 25 ms (under the per-key rate limit); per request, the time from
 * sending the POST to its image having a link, and to the generation being COMPLETED
 * (moderated, published, billed). At the end the batch run must still be running: it held
 * the generator the whole time.
 *
 * <pre>
 * java benchmarks/api/OnDemandLatency.java BASE_URL API_KEY CATALOG_IMPORT VARIANTS PRODUCT TEMPLATE_SET SCENE REQUESTS
 * java benchmarks/api/OnDemandLatency.java http://localhost:8080 p2p_… 1 13 MUG-CLAY-01 generic generic-packshot 20
 * </pre>
 */
public class OnDemandLatency {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static String base;

	private static String key;

	public static void main(String[] args) throws Exception {
		base = args[0];
		key = args[1];
		long catalogImport = Long.parseLong(args[2]);
		int variants = Integer.parseInt(args[3]);
		String product = args[4];
		String set = args[5];
		String scene = args[6];
		int requests = Integer.parseInt(args[7]);

		String batch = post("/api/v1/runs", "{\"catalog_import\": " + catalogImport + ", \"variants\": " + variants + "}");
		long run = number(batch, "run");
		String progress;
		do {
			Thread.sleep(200);
			progress = get("/api/v1/runs/" + run + "/progress");
		}
		while (!(text(progress, "status").equals("RUNNING") && number(progress, "pending") < number(progress, "total")));
		System.out.printf("batch run %d rendering: %d tasks, %d pending%n", run, number(progress, "total"),
				number(progress, "pending"));

		List<Long> toImage = new ArrayList<>();
		List<Long> toCompleted = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			long seed = ThreadLocalRandom.current().nextLong(1L << 32);
			long sent = System.nanoTime();
			String accepted = post("/api/v1/generations", "{\"product\": \"" + product + "\", \"template_set\": \"" + set
					+ "\", \"scene\": \"" + scene + "\", \"seed\": " + seed + "}");
			long id = number(accepted, "id");
			long image = -1;
			String generation;
			do {
				Thread.sleep(25);
				generation = get("/api/v1/generations/" + id);
				if (image < 0 && generation.contains("\"url\"")) {
					image = System.nanoTime() - sent;
				}
			}
			while (!text(generation, "status").equals("COMPLETED") && !text(generation, "status").equals("FAILED"));
			long completed = System.nanoTime() - sent;
			if (!text(generation, "status").equals("COMPLETED")) {
				throw new IllegalStateException("generation " + id + " failed: " + generation);
			}
			toImage.add(image);
			toCompleted.add(completed);
			System.out.printf("generation %d: image after %.0f ms, completed after %.0f ms%n", id, image / 1e6,
					completed / 1e6);
		}
		progress = get("/api/v1/runs/" + run + "/progress");
		System.out.printf("batch run %d at the end: %s, %d of %d tasks pending%n", run, text(progress, "status"),
				number(progress, "pending"), number(progress, "total"));
		System.out.printf("%d on-demand generations: submit to image p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
				+ "to completed p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", requests, percentile(toImage, 0.50),
				percentile(toImage, 0.95), percentile(toImage, 1), percentile(toCompleted, 0.50),
				percentile(toCompleted, 0.95), percentile(toCompleted, 1));
	}

	static String get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
	}

	static String post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), 202);
	}

	static String send(HttpRequest.Builder request, int expected) throws Exception {
		HttpResponse<String> response = HTTP.send(
				request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static long number(String json, String field) {
		Matcher found = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		if (!found.find()) {
			throw new IllegalStateException("no " + field + " in " + json);
		}
		return Long.parseLong(found.group(1));
	}

	static String text(String json, String field) {
		Matcher found = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
		if (!found.find()) {
			throw new IllegalStateException("no " + field + " in " + json);
		}
		return found.group(1);
	}

	/** The value at the share of the sorted values (1: the largest). */
	static double percentile(List<Long> values, double share) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(share * sorted.size()))) / 1e6;
	}

}
