package com.prompt2pixel.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.security.StaffRole;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.support.StaffSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard with 1,000 runs in the database (and their 80,000 render tasks): the page
 * over HTTP as a signed-in browser gets it, and its live part as the event stream renders
 * it, each the median of 30 after 10 to warm up. Not part of the test suite; run with
 * {@code ./mvnw -B -pl batch-app test -Dgroups=benchmark -Dbenchmarks.excluded=
 * -Dtest=DashboardBenchmark}. The result is printed and written to
 * {@code batch-app/target/benchmarks/dashboard.txt}; record it in docs/BENCHMARKS.md.
 */
@Tag("benchmark")
class DashboardBenchmark extends FunctionalTest {

	private static final int RUNS = 1_000;

	@LocalServerPort
	int port;

	@Autowired
	CatalogRuns runs;

	@Autowired
	Dashboard dashboard;

	@Autowired
	Fragments fragments;

	@TempDir
	Path folder;

	@Test
	void shouldRenderTheDashboardWithAThousandRuns() throws Exception {
		// one real run of 20 products (80 tasks), then 999 copies of it in every state
		Path catalog = SampleCatalogs.firstProducts(this.folder, 20);
		long source = this.runs.start(new RunRequest("dashboard-bench", catalog, null, 1, this.folder)).run();
		this.jdbc.update(
				"""
						INSERT INTO generation_run (merchant_id, kind, status, catalog_file, template_set, variants, out_dir,
						                            failure, created_at, started_at, finished_at, submitted, priority, pool, queued_at)
						SELECT r.merchant_id, r.kind,
						       (ARRAY['QUEUED','WAITING_WINDOW','RUNNING','STOPPED','COMPLETED','FAILED','CANCELLED'])[1 + n % 7],
						       r.catalog_file, r.template_set, r.variants, r.out_dir,
						       CASE WHEN n % 7 = 5 THEN 'benchmark failure' END, now() - n * interval '1 minute',
						       now() - n * interval '1 minute', CASE WHEN n % 7 >= 4 THEN now() END, true,
						       CASE WHEN n % 2 = 0 THEN 'BATCH' ELSE 'ON_DEMAND' END, r.pool, now() - n * interval '1 minute'
						FROM generation_run r, generate_series(1, ?) n WHERE r.id = ?""",
				RUNS - 1, source);
		this.jdbc.update("""
				INSERT INTO render_task (run_id, product_id, template_id, template_version, variant, seed, prompt,
				                         negative_prompt, params, state, merchant_id, template_set, cache_key,
				                         image_key, image_sha256, updated_at)
				SELECT r.id, t.product_id, t.template_id, t.template_version, t.variant, t.seed, t.prompt,
				       t.negative_prompt, t.params, t.state, t.merchant_id, t.template_set, t.cache_key,
				       t.image_key, t.image_sha256, now() - (r.id % 600) * interval '1 second'
				FROM render_task t, generation_run r WHERE t.run_id = ? AND r.id <> ?""", source, source);
		this.jdbc.execute("ANALYZE generation_run");
		this.jdbc.execute("ANALYZE render_task");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generation_run", Long.class))
			.isGreaterThanOrEqualTo(RUNS);

		StaffSession operator = StaffSession.signedIn(this.port, staff(StaffRole.OPERATOR), STAFF_PASSWORD);
		double page = medianMillis(() -> assertThat(operator.get("/").statusCode()).isEqualTo(200));
		double live = medianMillis(() -> assertThat(
				this.fragments.render("admin/dashboard", "figures", Map.of("figures", this.dashboard.read())))
			.contains("Runs by state"));
		long tasks = this.jdbc.queryForObject("SELECT count(*) FROM render_task", Long.class);
		String line = String.format(Locale.ROOT,
				"dashboard: %d runs, %d render tasks: GET / median %.1f ms; live part (read + render) median %.1f ms",
				RUNS, tasks, page, live);
		System.out.println(line);
		Path file = Path.of("target", "benchmarks", "dashboard.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static double medianMillis(Timed timed) throws Exception {
		for (int i = 0; i < 10; i++) {
			timed.run();
		}
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long start = System.nanoTime();
			timed.run();
			times.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(times);
		return (times.get(14) + times.get(15)) / 2;
	}

	@FunctionalInterface
	private interface Timed {

		void run() throws Exception;

	}

}
