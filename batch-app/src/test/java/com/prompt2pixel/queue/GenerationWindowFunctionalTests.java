package com.prompt2pixel.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.MutableClock;
import com.prompt2pixel.support.MutableClockConfiguration;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A batch run and its pool's generation window, on a clock the test moves: it waits,
 * starts when the window opens, stops (resumable) when it closes, and finishes at the
 * next opening with every image rendered exactly once. The test calls the dispatcher
 * itself, as Quartz would at each tick (Quartz's own tick is an hour here, out of the
 * way).
 */
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = { "p2p.schedule.dispatch-interval=1h",
		"spring.quartz.properties.org.quartz.jobStore.misfireThreshold=2000" })
class GenerationWindowFunctionalTests extends FunctionalTest {

	private static final int TASKS = 6 * 4 * 2;

	@Autowired
	RunQueue queue;

	@Autowired
	RunDispatcher dispatcher;

	@Autowired
	RunProgresses progresses;

	@Autowired
	GpuPools pools;

	@Autowired
	Merchants merchants;

	@Autowired
	MutableClock clock;

	@TempDir
	Path folder;

	@BeforeEach
	void onlyThisTestsRuns() {
		retireSubmittedRuns();
	}

	@Test
	void shouldWaitForTheWindowStopWhenItClosesAndResumeAtTheNextOpening() throws Exception {
		this.pools.save(GpuPool.of("night", "UTC", List.of("00:00-06:00")));
		this.merchants.ensure("nightowl");
		Path out = this.folder.resolve("out");
		this.clock.set(Instant.parse("2026-11-25T12:00:00Z"));

		SubmittedRun run = this.queue.submit(
				new RunRequest("nightowl", SampleCatalogs.firstProducts(this.folder, 6), null, 2, out),
				RunPriority.BATCH, "night");

		assertThat(run.status()).isEqualTo("WAITING_WINDOW");
		assertThat(run.expectedStart()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
		this.dispatcher.dispatch();
		assertThat(progress(run).status()).isEqualTo("WAITING_WINDOW");
		assertThat(this.generator.rendered()).isZero();

		// the window opens; the run is held in its generate step after two chunks
		this.generator.holdAfter(16);
		this.clock.set(Instant.parse("2026-11-26T00:00:01Z"));
		this.dispatcher.dispatch();
		assertThat(this.generator.awaitHeld(60)).isTrue();
		assertThat(progress(run).status()).isEqualTo("RUNNING");
		assertThat(progress(run).eta()).isNotNull();

		// it closes: the run stops at its next chunk boundary
		this.clock.set(Instant.parse("2026-11-26T06:00:01Z"));
		this.dispatcher.dispatch();
		assertThat(progress(run).status()).isEqualTo("STOPPING");
		this.generator.release();
		await().atMost(Duration.ofSeconds(60)).until(() -> progress(run).status().equals("STOPPED"));
		int beforeStop = this.generator.rendered();
		assertThat(beforeStop).isBetween(16, 24);
		assertThat(progress(run).pending()).isEqualTo(TASKS - beforeStop);

		// outside the window a stopped run stays stopped, and says when it goes on
		this.clock.set(Instant.parse("2026-11-26T07:00:00Z"));
		this.dispatcher.dispatch();
		assertThat(progress(run).status()).isEqualTo("STOPPED");
		assertThat(progress(run).expectedStart()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
		assertThat(this.generator.rendered()).isEqualTo(beforeStop);

		this.clock.set(Instant.parse("2026-11-27T00:00:01Z"));
		this.dispatcher.dispatch();
		await().atMost(Duration.ofSeconds(60)).until(() -> progress(run).status().equals("COMPLETED"));

		// every task rendered once: the stop lost no committed chunk and redid none
		assertThat(this.generator.rendered()).isEqualTo(TASKS);
		assertThat(progress(run).tasks()).containsEntry("PUBLISHED", (long) TASKS);
		assertThat(progress(run).expectedStart()).isNull();
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum(TASKS);
	}

	@Test
	void shouldRefuseARunForAnUnknownMerchantOrPoolAndWriteNothing() {
		this.merchants.ensure("known");
		long before = this.jdbc.queryForObject("SELECT count(*) FROM generation_run", Long.class);

		assertThatThrownBy(() -> this.queue.submit(
				new RunRequest("ghost", SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder),
				RunPriority.BATCH, GpuPool.DEFAULT))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessage("no merchant 'ghost'; import a catalog for it first (import --catalog FILE --merchant ghost)");
		assertThatThrownBy(() -> this.queue.submit(
				new RunRequest("known", SampleCatalogs.firstProducts(this.folder, 1), null, 1, this.folder),
				RunPriority.BATCH, "moon"))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageStartingWith("no GPU pool 'moon'; give it windows first");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generation_run", Long.class)).isEqualTo(before);
	}

	@Test
	void shouldStartAnOnDemandRunOutsideTheWindow() {
		this.pools.save(GpuPool.of("night", "UTC", List.of("00:00-06:00")));
		this.merchants.ensure("dayshift");
		this.clock.set(Instant.parse("2026-11-25T12:00:00Z"));

		SubmittedRun run = this.queue.submit(new RunRequest("dayshift", SampleCatalogs.firstProducts(this.folder, 1),
				null, 1, this.folder.resolve("out")), RunPriority.ON_DEMAND, "night");
		assertThat(run.status()).isEqualTo("QUEUED");
		assertThat(run.expectedStart()).isNull();

		this.dispatcher.dispatch();
		await().atMost(Duration.ofSeconds(60)).until(() -> progress(run).status().equals("COMPLETED"));
		assertThat(progress(run).priority()).isEqualTo("on-demand");
	}

	private RunProgress progress(SubmittedRun run) {
		return this.progresses.find(run.id()).orElseThrow();
	}

}
