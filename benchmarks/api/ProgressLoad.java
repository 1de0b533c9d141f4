import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on {@code GET /api/v1/runs/{id}/progress} of a running {@code serve}: an open loop
 * at a fixed offered rate spread over a number of clients, each with its own API key of the
 * run's merchant (made through the admin API), latency measured from when each request was
 * due (so a stalled server is not hidden by requests it delayed); then a closed loop of the
 * same clients as fast as they go, for the saturation throughput. Errors are counted by
 * status ({@code -1}: no answer).
 *
 * <pre>
 * java benchmarks/api/ProgressLoad.java BASE_URL ADMIN_EMAIL:PASSWORD MERCHANT RUN RATE CLIENTS SECONDS
 * java benchmarks/api/ProgressLoad.java http://localhost:8080 ops@example.com:secret acme 1 200 50 60
 * </pre>
 */
public class ProgressLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String admin = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
		String merchant = args[2];
		long run = Long.parseLong(args[3]);
		int rate = Integer.parseInt(args[4]);
		int clients = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);
		List<HttpClient> connections = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		HttpClient setup = HttpClient.newHttpClient();
		Pattern key = Pattern.compile("\"key\":\"(p2p_[^\"]+)\"");
		for (int i = 0; i < clients; i++) {
			HttpResponse<String> created = setup.send(HttpRequest
				.newBuilder(URI.create(base + "/api/v1/admin/merchants/" + merchant + "/api-keys"))
				.header("Authorization", admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"load " + i + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher found = key.matcher(created.body());
			if (!found.find()) {
				throw new IllegalStateException("no key made: " + created.statusCode() + " " + created.body());
			}
			keys.add(found.group(1));
			connections.add(HttpClient.newBuilder().executor(Executors.newSingleThreadExecutor()).build());
		}
		URI progress = URI.create(base + "/api/v1/runs/" + run + "/progress");
		// warm-up: the JIT and the pool, not measured
		closedLoop(connections, keys, progress, 5);
		openLoop(connections, keys, progress, rate, seconds);
		closedLoop(connections, keys, progress, Math.min(seconds, 20));
	}

	static void openLoop(List<HttpClient> connections, List<String> keys, URI progress, int rate, int seconds)
			throws Exception {
		int total = rate * seconds;
		long[] latencies = new long[total];
		Arrays.fill(latencies, -1);
		AtomicLong errors = new AtomicLong();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		for (int i = 0; i < total; i++) {
			int n = i;
			long due = start + n * interval;
			clock.schedule(() -> {
				int client = n % connections.size();
				pending.add(connections.get(client)
					.sendAsync(request(progress, keys.get(client)), HttpResponse.BodyHandlers.ofString())
					.whenComplete((response, failure) -> {
						latencies[n] = System.nanoTime() - due;
						if (failure != null || response.statusCode() != 200) {
							errors.incrementAndGet();
							statuses.merge((failure != null) ? -1 : response.statusCode(), 1, Integer::sum);
						}
					}));
			}, due - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		clock.shutdown();
		clock.awaitTermination(seconds + 10, TimeUnit.SECONDS);
		for (CompletableFuture<?> request : pending) {
			try {
				request.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// counted as an error where it completed
			}
		}
		long elapsed = System.nanoTime() - start;
		long[] done = Arrays.stream(latencies).filter((latency) -> latency >= 0).sorted().toArray();
		System.out.printf("open loop: offered %d requests/s over %d clients for %d s: %d requests, %d errors %s, "
				+ "achieved %.0f requests/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, connections.size(),
				seconds, done.length, errors.get() + (total - done.length), statuses, done.length * 1e9 / elapsed,
				percentile(done, 0.50), percentile(done, 0.99), done[done.length - 1] / 1e6);
	}

	static void closedLoop(List<HttpClient> connections, List<String> keys, URI progress, int seconds)
			throws Exception {
		AtomicLong requests = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections.size(); c++) {
			HttpClient connection = connections.get(c);
			String key = keys.get(c);
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					try {
						HttpResponse<String> response = connection.send(request(progress, key),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
							statuses.merge(response.statusCode(), 1, Integer::sum);
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						statuses.merge(-1, 1, Integer::sum);
					}
					latencies.add(System.nanoTime() - sent);
					requests.incrementAndGet();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("closed loop: %d clients for %d s: %.0f requests/s, %d errors %s, latency p50 %.1f ms, "
				+ "p99 %.1f ms%n", connections.size(), seconds, requests.get() / (double) seconds, errors.get(),
				statuses, percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	static HttpRequest request(URI progress, String key) {
		return HttpRequest.newBuilder(progress).header("Authorization", "Bearer " + key)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	static double percentile(long[] sorted, double share) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))] / 1e6;
	}

}
