package com.prompt2pixel.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.prompt2pixel.generate.GpuLanes;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunStateException;
import com.prompt2pixel.support.FunctionalTest;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The on-demand lane and the order of the queue.
 */
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = { "p2p.schedule.dispatch-interval=1h",
		"spring.quartz.properties.org.quartz.jobStore.misfireThreshold=2000" })
class PriorityLaneFunctionalTests extends FunctionalTest {

	@Autowired
	RunQueue queue;

	@Autowired
	RunDispatcher dispatcher;

	@Autowired
	RunProgresses progresses;

	@Autowired
	SubmittedRuns submitted;

	@Autowired
	CatalogRuns runs;

	@Autowired
	GpuLanes lanes;

	@Autowired
	Merchants merchants;

	@Autowired
	MutableClock clock;

	@Autowired
	RunControls controls;

	@Autowired
	GpuPools pools;

	@TempDir
	Path folder;

	@BeforeEach
	void onlyThisTestsRuns() {
		retireSubmittedRuns();
		this.clock.set(Instant.parse("2026-11-25T12:00:00Z"));
	}

	@Test
	void shouldFinishAnOnDemandRunWithinTwoChunkTimesWhileABatchRunOccupiesTheManager() {
		this.merchants.ensure("bigshop");
		this.merchants.ensure("rush");
		this.generator.slowDown(20);
		this.lanes.resetStatistics();
		SubmittedRun batch = this.queue.submit(new RunRequest("bigshop",
				SampleCatalogs.firstProducts(this.folder.resolve("big"), 20), null, 13, this.folder.resolve("big-out")),
				RunPriority.BATCH, GpuPool.DEFAULT);
		this.dispatcher.dispatch();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.generator.rendered() >= 40);
		assertThat(progress(batch).total()).isGreaterThanOrEqualTo(1000);

		SubmittedRun onDemand = this.queue.submit(new RunRequest("rush",
				SampleCatalogs.firstProducts(this.folder.resolve("one"), 1), null, 1, this.folder.resolve("one-out")),
				RunPriority.ON_DEMAND, GpuPool.DEFAULT);
		this.dispatcher.dispatch();
		await().atMost(Duration.ofSeconds(60)).until(() -> progress(onDemand).status().equals("COMPLETED"));

		// the batch run still had most of its work ahead: the on-demand run did not wait
		// for it to end
		RunProgress big = progress(batch);
		assertThat(big.status()).isEqualTo("RUNNING");
		assertThat(big.pending()).isGreaterThan(big.total() / 2);
		// its chunk waited for at most the batch chunk in progress, then rendered:
		// counted
		long chunk = this.lanes.longestBatchChunkMillis();
		assertThat(this.lanes.longestOnDemandChunkMillis()).as("on-demand chunk against a batch chunk of %d ms", chunk)
			.isLessThanOrEqualTo(2 * chunk);

		assertThat(this.runs.stop(batch.id())).isTrue();
		await().atMost(Duration.ofSeconds(60)).until(() -> progress(batch).status().equals("STOPPED"));
	}

	@Test
	void shouldPutOnDemandFirstThenPaidPlansAndLongWaitersThenTheRest() {
		for (String merchant : new String[] { "free-young", "paid", "free-aged", "caller" }) {
			this.merchants.ensure(merchant);
		}
		this.merchants.setPlan("paid", "paid");
		SubmittedRun young = submitAt("2026-11-25T12:00:00Z", "free-young", RunPriority.BATCH);
		SubmittedRun paid = submitAt("2026-11-25T12:01:00Z", "paid", RunPriority.BATCH);
		SubmittedRun caller = submitAt("2026-11-25T12:02:00Z", "caller", RunPriority.ON_DEMAND);
		SubmittedRun aged = submitAt("2026-11-25T10:00:00Z", "free-aged", RunPriority.BATCH);

		assertThat(this.submitted.waiting(Instant.parse("2026-11-25T12:05:00Z"), Duration.ofMinutes(30)))
			.map(SubmittedRun::id)
			.containsExactly(caller.id(), aged.id(), paid.id(), young.id());
		// before the free run has waited 30 minutes, the paid one goes first
		assertThat(this.submitted.waiting(Instant.parse("2026-11-25T10:20:00Z"), Duration.ofMinutes(30)))
			.map(SubmittedRun::id)
			.containsExactly(caller.id(), paid.id(), aged.id(), young.id());
	}

	@Test
	void shouldTakeARaisedRunFirstInItsLaneAndRefuseToRaiseOneNotWaiting() {
		for (String merchant : new String[] { "raise-old", "raise-paid", "raise-young" }) {
			this.merchants.ensure(merchant);
		}
		this.merchants.setPlan("raise-paid", "paid");
		// a window closed at noon: the batch runs wait, and no dispatch starts them
		this.pools.save(GpuPool.of("raise-night", "UTC", List.of("00:00-06:00")));
		SubmittedRun old = submitAt("2026-11-25T11:00:00Z", "raise-old", RunPriority.BATCH, "raise-night");
		SubmittedRun paid = submitAt("2026-11-25T11:01:00Z", "raise-paid", RunPriority.BATCH, "raise-night");
		SubmittedRun young = submitAt("2026-11-25T11:02:00Z", "raise-young", RunPriority.BATCH, "raise-night");
		Instant now = Instant.parse("2026-11-25T11:05:00Z");
		assertThat(this.submitted.waiting(now, Duration.ofHours(2))).map(SubmittedRun::id)
			.containsExactly(paid.id(), old.id(), young.id());

		this.controls.raise(young.id());
		assertThat(this.submitted.waiting(now, Duration.ofHours(2))).map(SubmittedRun::id)
			.containsExactly(young.id(), paid.id(), old.id());
		// the latest raised goes first
		this.controls.raise(old.id());
		assertThat(this.submitted.waiting(now, Duration.ofHours(2))).map(SubmittedRun::id)
			.containsExactly(old.id(), young.id(), paid.id());
		// raised, it still waits for its window
		assertThat(progress(old).status()).isEqualTo("WAITING_WINDOW");

		this.controls.stop(paid.id());
		assertThatExceptionOfType(RunStateException.class).isThrownBy(() -> this.controls.raise(paid.id()))
			.withMessage("run " + paid.id() + " is STOPPED and held (resume it first); "
					+ "only a run waiting to start can be raised");
		this.controls.cancel(young.id());
		assertThatExceptionOfType(RunStateException.class).isThrownBy(() -> this.controls.raise(young.id()))
			.withMessage("run " + young.id() + " is CANCELLED; only a run waiting to start can be raised");
	}

	private SubmittedRun submitAt(String instant, String merchant, RunPriority priority, String pool) {
		this.clock.set(Instant.parse(instant));
		return this.queue
			.submit(new RunRequest(merchant, SampleCatalogs.firstProducts(this.folder.resolve(merchant), 1), null, 1,
					this.folder.resolve(merchant + "-out")), priority, pool);
	}

	private SubmittedRun submitAt(String instant, String merchant, RunPriority priority) {
		this.clock.set(Instant.parse(instant));
		return this.queue
			.submit(new RunRequest(merchant, SampleCatalogs.firstProducts(this.folder.resolve(merchant), 1), null, 1,
					this.folder.resolve(merchant + "-out")), priority, GpuPool.DEFAULT);
	}

	private RunProgress progress(SubmittedRun run) {
		return this.progresses.find(run.id()).orElseThrow();
	}

}
