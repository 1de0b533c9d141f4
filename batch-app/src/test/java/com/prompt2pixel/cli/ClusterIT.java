package com.prompt2pixel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.SampleCatalogs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Manager and worker processes of the packaged jar sharing one PostgreSQL (embedded,
 * started here) and one data folder, as nodes on separate machines would share a database
 * server and an image store. The manager sends a run's generate partitions to the workers
 * through the channel in PostgreSQL; a worker is killed with SIGKILL at random points,
 * stopped with SIGTERM, or told by a (fake) EC2 metadata service that its spot instance
 * is going. Each render a node does is counted from its log (one line per generator
 * batch, before the chunk commits).
 */
class ClusterIT {

	private static final Path JAR = Path.of("target", "prompt2pixel.jar").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CHUNK = 8;

	/**
	 * C1 only and the serial collector: a process starts faster and leaves the other
	 * cores to the processes beside it (a dozen JVMs start in a test on a 2-core
	 * machine).
	 */
	private static final String LIGHT_JIT = "-XX:TieredStopAtLevel=1";

	private static final String LIGHT_GC = "-XX:+UseSerialGC";

	/** What a worker logs once it takes part. */
	private static final String JOINED = "(worker) takes generate partitions";

	private static final Pattern RENDERED = Pattern.compile("rendering tasks \\[([0-9, ]+)]");

	/** Kept when a test fails: the nodes' logs are there. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path workdir;

	private EmbeddedPostgres postgres;

	private final List<Process> workers = new ArrayList<>();

	private int logs;

	@BeforeEach
	void database() throws IOException {
		this.postgres = EmbeddedPostgres.builder().start();
	}

	@AfterEach
	void stopEverything() throws IOException {
		for (Process worker : this.workers) {
			worker.destroyForcibly();
		}
		this.postgres.close();
	}

	@Test
	void shouldLoseAndDuplicateNothingWhenWorkersAreKilledAtRandomPoints() throws Exception {
		startManager();
		List<Process> first = List.of(startWorker(), startWorker(), startWorker());
		for (Process worker : first) {
			awaitReady(worker);
		}
		// 20 products, 4 scenes, 7 variants: 560 tasks, room for 10 kills in the first
		// half
		long run = submit(7);
		int tasks = awaitTasks(run);
		assertThat(tasks).isGreaterThanOrEqualTo(500);

		// in the first half, so that work is left for every kill however fast the
		// survivors render while a replacement starts
		Random random = new Random();
		List<Integer> points = random.ints(30, tasks / 2).distinct().limit(10).sorted().boxed().toList();
		Set<Long> killed = new HashSet<>();
		for (int point : points) {
			awaitProgress(run, point);
			Process worker = victim(run, killed);
			killed.add(worker.pid());
			worker.destroyForcibly();
			startWorker();
		}
		assertThat(killed).as("workers killed while executing a partition").hasSizeGreaterThanOrEqualTo(10);
		awaitStatus(run, "COMPLETED", Duration.ofMinutes(5));

		assertThat(query("SELECT state, count(*) FROM render_task WHERE run_id = " + run + " GROUP BY state"))
			.containsExactly(Map.entry("PUBLISHED", (long) tasks));
		assertThat(query("SELECT 'events', count(*) FROM usage_event WHERE run_id = " + run))
			.as("one usage event per billable task")
			.containsExactly(Map.entry("events", (long) tasks));
		Manifest.of(this.workdir.resolve("out")).assertEveryImageListedOnceWithItsChecksum(tasks);
		// A victim was executing a partition when it was chosen, but may have finished it
		// in the instant before the kill: then nothing of it was lost. So the lost
		// partitions are exactly those a killed worker left unfinished, and no live
		// worker's.
		Map<String, Long> lost = query(
				"SELECT step_execution_id::text, 1 FROM generate_partition WHERE lost_at IS NOT NULL AND run_id = "
						+ run);
		Map<String, Long> leftUnfinished = query("""
				SELECT p.step_execution_id::text, 1 FROM generate_partition p
				JOIN node n ON n.id = p.node_id
				JOIN batch_step_execution s ON s.step_execution_id = p.step_execution_id
				WHERE s.status <> 'COMPLETED' AND p.run_id = %d AND n.pid IN (%s)""".formatted(run,
				killed.stream().map(String::valueOf).collect(Collectors.joining(", "))));
		assertThat(lost.keySet()).as("partitions recovered: those the killed workers left unfinished")
			.isEqualTo(leftUnfinished.keySet());
		assertThat(lost).as("most kills hit a partition in flight").hasSizeGreaterThanOrEqualTo(killed.size() / 2);
		Map<Long, Integer> renders = renders();
		assertThat(renders).as("every task rendered").hasSize(tasks);
		int again = renders.values().stream().mapToInt((count) -> count - 1).sum();
		System.out.printf(
				"ClusterIT: %d tasks, %d kills at or after %s, %d partitions lost, %d renders done again (at most %d allowed)%n",
				tasks, killed.size(), points, lost.size(), again, killed.size() * CHUNK);
		assertThat(again).as("renders done again after %d kills", killed.size())
			.isLessThanOrEqualTo(killed.size() * CHUNK);
	}

	@Test
	void shouldStopAtAChunkBoundaryOnSigtermAndOnASpotNoticeAndResumeElsewhere() throws Exception {
		WireMockServer metadata = new WireMockServer(options().dynamicPort());
		metadata.start();
		try {
			metadata.stubFor(
					get(urlEqualTo("/latest/meta-data/spot/instance-action")).willReturn(aResponse().withStatus(404)));
			String notice = "--p2p.schedule.spot-notice-url=" + metadata.baseUrl()
					+ "/latest/meta-data/spot/instance-action";
			startManager();
			Process plain = startWorker();
			Process spot = startWorker(notice, "--p2p.schedule.spot-poll-interval=500ms");
			awaitReady(plain);
			awaitReady(spot);
			long run = submit(7);
			int tasks = awaitTasks(run);
			awaitProgress(run, 40);
			assertThat(workerExecutingAPartition(run, Set.of(spot.pid()))).isSameAs(plain);
			long stopped = partitionOf(plain);

			// SIGTERM: the partition stops at a chunk boundary, and the other worker
			// executes the rest of it when the run restarts
			plain.destroy();
			assertThat(plain.waitFor(30, TimeUnit.SECONDS)).as("stopped within its deadline").isTrue();
			assertThat(log(plain)).contains("Partition " + stopped + " is stopping: this node is shutting down")
				.contains("Node drained; everything it executed stopped at a chunk boundary");
			assertThat(text("SELECT status FROM batch_step_execution WHERE step_execution_id = " + stopped))
				.isEqualTo("STOPPED");
			awaitPartitionOn(text("SELECT step_name FROM batch_step_execution WHERE step_execution_id = " + stopped),
					spot);

			// then the spot worker's instance is reclaimed, and the manager, left
			// without workers, finishes the run itself
			awaitProgress(run, progress(run) + 16);
			metadata.stubFor(
					get(urlEqualTo("/latest/meta-data/spot/instance-action")).willReturn(aResponse().withStatus(200)
						.withBody("{\"action\": \"terminate\", \"time\": \"2026-11-25T23:59:00Z\"}")));
			assertThat(spot.waitFor(30, TimeUnit.SECONDS)).as("left on the spot notice within its deadline").isTrue();
			assertThat(log(spot)).contains("Spot interruption notice")
				.contains("Node drained; everything it executed stopped at a chunk boundary");
			awaitStatus(run, "COMPLETED", Duration.ofMinutes(3));

			Map<Long, Integer> renders = renders();
			assertThat(renders).hasSize(tasks);
			assertThat(renders.values()).as("a graceful stop redoes nothing").allMatch((count) -> count == 1);
			Manifest.of(this.workdir.resolve("out")).assertEveryImageListedOnceWithItsChecksum(tasks);
		}
		finally {
			metadata.stop();
		}
	}

	@Test
	void shouldFireEachScheduledNightOnceAcrossTwoManagers() throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.workdir.resolve("one"), 1);
		assertThat(cli("import", "--catalog", catalog.toString(), "--merchant", "acme").exitCode).isZero();
		for (int i = 0; i < 2; i++) {
			// Quartz looks for due triggers at least every second (its shortest idle
			// wait)
			startNode("serve", "--server.port=0", "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000");
		}
		awaitLogLine(1, "Started Prompt2PixelApplication");
		awaitLogLine(2, "Started Prompt2PixelApplication");
		assertThat(query("SELECT 'instances', count(*) FROM qrtz_scheduler_state")).as("two Quartz cluster members")
			.containsEntry("instances", 2L);

		// every 3 seconds for a while, so that both managers race for several firings
		Result scheduled = cli("schedule", "--merchant", "acme", "--cron", "*/3 * * * * ?", "--time-zone", "UTC");
		assertThat(scheduled.exitCode).as(scheduled.stderr).isZero();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> firings() >= 4);
		assertThat(cli("schedule", "--merchant", "acme", "--off").exitCode).isZero();

		Map<String, Long> runsPerFiring = query("""
				SELECT to_char(date_trunc('second', created_at), 'HH24:MI:SS'), count(*) FROM generation_run
				WHERE kind = 'NIGHTLY' GROUP BY 1""");
		assertThat(runsPerFiring).as("nightly runs per firing second").hasSizeGreaterThanOrEqualTo(4);
		assertThat(runsPerFiring.values()).as("one run per firing, however many managers").allMatch((n) -> n == 1);
	}

	private long firings() throws SQLException {
		return query("SELECT 'n', count(*) FROM generation_run WHERE kind = 'NIGHTLY'").getOrDefault("n", 0L);
	}

	private void awaitLogLine(int node, String text) {
		Path log = this.workdir.resolve("worker-" + node + ".log");
		Process process = this.workers.get(node - 1);
		await("'" + text + "' in node " + node + "'s log").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.failFast("node " + node + " exited", () -> !process.isAlive())
			.until(() -> Files.exists(log) && Files.readString(log).contains(text));
	}

	/** Waits until a worker has joined the cluster. */
	private void awaitReady(Process worker) {
		awaitLogLine(this.workers.indexOf(worker) + 1, JOINED);
	}

	/** A worker whose log goes to its own file. */
	private Process startWorker(String... options) throws IOException {
		return startNode("worker", options);
	}

	/** A manager (serve) on a free port, whose log goes to its own file. */
	private Process startManager() throws IOException {
		return startNode("serve", "--server.port=0");
	}

	/** A serve or worker process whose log goes to its own file. */
	private Process startNode(String role, String... options) throws IOException {
		List<String> command = new ArrayList<>(List.of(java(), LIGHT_JIT, LIGHT_GC, "-jar", JAR.toString(), role,
				"--p2p.schedule.dispatch-interval=500ms", "--p2p.schedule.dead-after=6s",
				"--p2p.schedule.stop-deadline=20s", "--logging.level.com.prompt2pixel.generate=DEBUG"));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.workdir.resolve("worker-" + (++this.logs) + ".log").toFile());
		builder.environment().putAll(environment());
		Process worker = builder.start();
		this.workers.add(worker);
		return worker;
	}

	private long submit(int variants) throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.workdir.resolve("catalog"), 20);
		assertThat(cli("import", "--catalog", catalog.toString(), "--merchant", "acme").exitCode).isZero();
		Result submitted = cli("submit", "--catalog", catalog.toString(), "--merchant", "acme", "--variants",
				Integer.toString(variants), "--out", "out");
		assertThat(submitted.exitCode).as(submitted.stderr).isZero();
		List<String> lines = submitted.stdout.lines().toList();
		return JSON.readTree(lines.get(lines.size() - 1)).get("run").asLong();
	}

	private Result cli(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java(), LIGHT_JIT, LIGHT_GC, "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path stdout = Files.createTempFile("cli", ".out");
		Path stderr = Files.createTempFile("cli", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workdir.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().putAll(environment());
		Process process = builder.start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
	}

	private Map<String, String> environment() {
		return Map.of("SPRING_DATASOURCE_URL", this.postgres.getJdbcUrl("postgres", "postgres"),
				"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres", "P2P_DATA_DIR",
				this.workdir.resolve("data").toString());
	}

	/** Tasks once the run has expanded its prompts. */
	private int awaitTasks(long run) {
		String generating = "SELECT 'tasks', count(*) FROM render_task WHERE run_id = " + run
				+ " AND EXISTS (SELECT 1 FROM batch_step_execution s JOIN batch_job_execution e "
				+ "ON e.job_execution_id = s.job_execution_id WHERE s.step_name = 'generateImagesStep')";
		return await("run " + run + " reaching its generate step").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> query(generating).getOrDefault("tasks", 0L), (tasks) -> tasks > 0)
			.intValue();
	}

	/** Tasks past PENDING. */
	private int progress(long run) throws SQLException {
		return query("SELECT 'done', count(*) FROM render_task WHERE run_id = " + run + " AND state <> 'PENDING'")
			.getOrDefault("done", 0L)
			.intValue();
	}

	private void awaitProgress(long run, int tasks) {
		await("run " + run + " past " + tasks + " tasks").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> progress(run), (done) -> done >= tasks);
	}

	private void awaitStatus(long run, String status, Duration within) {
		await("run " + run + " " + status).atMost(within)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status(run), status::equals);
	}

	private String status(long run) throws SQLException {
		return text("SELECT status FROM generation_run WHERE id = " + run);
	}

	/** A live worker of this test that is executing a partition of the run. */
	private Process workerExecutingAPartition(long run, Set<Long> killed) {
		return await("a worker of this test executing a partition of run " + run).atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> executing(run, killed), Optional::isPresent)
			.get();
	}

	private Optional<Process> executing(long run, Set<Long> killed) throws SQLException {
		Map<String, Long> pids = query("""
				SELECT n.pid::text, n.pid FROM generate_partition p
				JOIN node n ON n.id = p.node_id
				JOIN batch_step_execution s ON s.step_execution_id = p.step_execution_id
				WHERE s.status = 'STARTED' AND p.run_id = """ + run);
		return this.workers.stream()
			.filter((worker) -> pids.containsValue(worker.pid()) && worker.isAlive() && !killed.contains(worker.pid()))
			.findFirst();
	}

	/**
	 * A worker executing a partition of the run, while another live worker has joined:
	 * the cluster never runs out of workers (a manager that finds none executes the rest
	 * of the run itself).
	 */
	private Process victim(long run, Set<Long> killed) {
		return await("a second live worker beside the one executing run " + run).atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				Process executing = workerExecutingAPartition(run, killed);
				for (Process other : this.workers) {
					if (other != executing && other.isAlive() && !killed.contains(other.pid()) && hasJoined(other)) {
						return Optional.of(executing);
					}
				}
				return Optional.<Process>empty();
			}, Optional::isPresent)
			.get();
	}

	private boolean hasJoined(Process worker) throws IOException {
		Path log = this.workdir.resolve("worker-" + (this.workers.indexOf(worker) + 1) + ".log");
		return Files.exists(log) && Files.readString(log).contains(JOINED);
	}

	/** The step execution of the partition a worker took last. */
	private long partitionOf(Process worker) throws SQLException {
		return Long.parseLong(text("""
				SELECT p.step_execution_id FROM generate_partition p JOIN node n ON n.id = p.node_id
				WHERE n.pid = %d ORDER BY p.taken_at DESC LIMIT 1""".formatted(worker.pid())));
	}

	/** Waits until a worker executes the partition of that name. */
	private void awaitPartitionOn(String partition, Process worker) {
		String executing = """
				SELECT count(*) FROM generate_partition p JOIN node n ON n.id = p.node_id
				JOIN batch_step_execution s ON s.step_execution_id = p.step_execution_id
				WHERE n.pid = %d AND s.step_name = '%s' AND s.status = 'STARTED'""".formatted(worker.pid(), partition);
		await(partition + " resumed by worker " + worker.pid()).atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> text(executing), "1"::equals);
	}

	private String text(String sql) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private Map<String, Long> query(String sql) throws SQLException {
		Map<String, Long> rows = new HashMap<>();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.put(rs.getString(1), rs.getLong(2));
			}
		}
		catch (SQLException ex) {
			if (ex.getMessage().contains("does not exist")) {
				// the schema is not there yet: the first worker is still migrating it
				return rows;
			}
			throw ex;
		}
		return rows;
	}

	/** Renders per task, from every worker's log. */
	private Map<Long, Integer> renders() throws IOException {
		Map<Long, Integer> renders = new HashMap<>();
		try (var files = Files.list(this.workdir)) {
			for (Path log : files.filter((file) -> file.getFileName().toString().startsWith("worker-")).toList()) {
				Matcher matcher = RENDERED.matcher(Files.readString(log, StandardCharsets.UTF_8));
				while (matcher.find()) {
					for (String id : matcher.group(1).split(",\\s*")) {
						renders.merge(Long.parseLong(id.strip()), 1, Integer::sum);
					}
				}
			}
		}
		return renders;
	}

	private String log(Process worker) throws IOException {
		int index = this.workers.indexOf(worker) + 1;
		return Files.readString(this.workdir.resolve("worker-" + index + ".log"));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
