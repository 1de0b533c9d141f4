package com.prompt2pixel.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.task.CatalogImageJob;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expansion throughput: 100,000 products x 4 scenes into PostgreSQL through the real
 * {@code expandPromptsStep} (matching, Pebble rendering, policy, cache keys, batched
 * inserts and the cache lookup). Not part of the test suite; run with
 * {@code ./mvnw -B -pl batch-app -am verify -Dgroups=benchmark -DskipITs -Dsurefire.failIfNoSpecifiedTests=false}.
 * The result is printed and written to {@code batch-app/target/benchmarks/expand.txt};
 * record it in docs/BENCHMARKS.md. It asserts the task count, not a speed: timings belong
 * in the record.
 */
@Tag("benchmark")
class ExpandBenchmark extends FunctionalTest {

	private static final int PRODUCTS = Integer.getInteger("benchmark.products", 100_000);

	private static final String[] CATEGORIES = { "Kitchen", "Home Decor", "Apparel", "Footwear", "Beauty", "Jewelry",
			"Electronics", "Pets", "Garden > Tools" };

	@Autowired
	RunRepository runs;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier(CatalogImageJob.EXPAND_PROMPTS_STEP)
	Step expandPromptsStep;

	@Test
	void expandOneHundredThousandProductsIntoPostgres() throws Exception {
		Path catalog = Files.writeString(Files.createTempFile("bench", ".csv"), "sku,title,description,image\n");
		GenerationRun run = this.runs.create(new RunRequest("bench", catalog, null, null, null));
		seedProducts(run);
		Job expandOnly = new JobBuilder("expandBenchmark", this.jobRepository).start(this.expandPromptsStep).build();

		long start = System.nanoTime();
		JobExecution execution = this.jobOperator.start(expandOnly,
				new JobParametersBuilder().addLong(CatalogImageJob.RUN_ID, run.id()).toJobParameters());
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long tasks = this.jdbc.queryForObject("SELECT count(*) FROM render_task WHERE run_id = ?", Long.class,
				run.id());
		assertThat(tasks).isEqualTo(4L * PRODUCTS);
		report(String.format(Locale.ROOT,
				"%s expand benchmark: %,d products -> %,d tasks in %.2f s = %,.0f tasks/s (%d cores, %s)",
				Instant.now(), PRODUCTS, tasks, seconds, tasks / seconds, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
	}

	/**
	 * Products spread over the verticals (and some matching none), straight into the
	 * table.
	 */
	private void seedProducts(GenerationRun run) {
		this.jdbc.update(
				"""
						INSERT INTO product (merchant_id, source_key, title, description, category, vendor, image_url,
						                     image_sha256, content_hash, last_import_id)
						SELECT ?, 'SKU-' || n, 'Product number ' || n || ' in ' || (?::text[])[1 + n % ?],
						       'A fine product, number ' || n || '. Made with care.', (?::text[])[1 + n % ?], 'Vendor ' || n % 50,
						       'file:///bench/' || n || '.png', md5(n::text) || md5((n + 1)::text), md5(n::text), ?
						FROM generate_series(1, ?) AS n""",
				run.merchantId(), CATEGORIES, CATEGORIES.length, CATEGORIES, CATEGORIES.length, run.importId(),
				PRODUCTS);
	}

	private static void report(String line) throws IOException {
		System.out.println(line);
		Path file = Path.of("target", "benchmarks", "expand.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

}
