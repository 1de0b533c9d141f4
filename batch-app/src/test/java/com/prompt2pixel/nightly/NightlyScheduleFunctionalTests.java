package com.prompt2pixel.nightly;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MutableClock;
import com.prompt2pixel.support.MutableClockConfiguration;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;
import org.junit.jupiter.api.AfterEach;
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
 * Merchants' nightly schedules through the real (clustered, JDBC) Quartz scheduler.
 */
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = { "p2p.schedule.dispatch-interval=1h",
		"spring.quartz.properties.org.quartz.jobStore.misfireThreshold=2000" })
class NightlyScheduleFunctionalTests extends FunctionalTest {

	@Autowired
	MerchantSchedules schedules;

	@Autowired
	CatalogRuns runs;

	@Autowired
	GpuPools pools;

	@Autowired
	MutableClock clock;

	@TempDir
	Path folder;

	@AfterEach
	void backToTheTestsDay() {
		this.clock.set(Instant.parse("2026-11-25T12:00:00Z"));
	}

	@BeforeEach
	void onlyThisTestsRuns() {
		retireSubmittedRuns();
	}

	@Test
	void shouldFireOnceForNightsMissedWhileTheApplicationWasDown() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);
		this.runs.start(new RunRequest("latecomer", catalog, null, 1, this.folder.resolve("first")));
		// saved three and a half days ago, at 03:00 UTC every night since: three nights
		// missed
		Instant now = Instant.now();
		this.clock.set(now.minus(Duration.ofHours(84)));

		this.schedules.save(MerchantSchedule.of("latecomer", "03:00", null, "UTC", null));

		await().atMost(Duration.ofSeconds(30)).until(() -> nightlyRuns("latecomer").size() == 1);
		// give a "fire every missed night" policy time to show itself
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> nightlyRuns("latecomer").size() == 1);
		Map<String, Object> run = nightlyRuns("latecomer").get(0);
		assertThat(run).containsEntry("status", "QUEUED")
			.containsEntry("priority", "BATCH")
			.containsEntry("catalog_file", catalog.toAbsolutePath().normalize().toString());
		assertThat(this.schedules.nextFire("latecomer"))
			.hasValueSatisfying((next) -> assertThat(next).isAfter(now).isBefore(now.plus(Duration.ofHours(25))));
	}

	@Test
	void shouldQueueTheNightlyRunForItsPoolsWindow() {
		this.pools.save(GpuPool.of("overnight", "Europe/Berlin", List.of("01:00-05:00")));
		this.runs.start(new RunRequest("sleeper", SampleCatalogs.firstProducts(this.folder, 1), null, 1,
				this.folder.resolve("first")));
		this.schedules.save(MerchantSchedule.of("sleeper", null, "0 30 22 * * ?", "Europe/Berlin", "overnight"));
		this.clock.set(Instant.parse("2026-11-25T21:30:00Z"));

		SubmittedRun run = this.queueNightly("sleeper");

		assertThat(run.status()).isEqualTo("WAITING_WINDOW");
		assertThat(run.pool()).isEqualTo("overnight");
		assertThat(run.expectedStart()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
		assertThat(this.schedules.find("sleeper"))
			.hasValueSatisfying((schedule) -> assertThat(schedule.cron()).isEqualTo("0 30 22 * * ?"));
	}

	@Test
	void shouldReplayTheLastCompletedImportNotALaterOneThatFailed() throws Exception {
		Path good = SampleCatalogs.firstProducts(this.folder.resolve("good"), 2);
		this.runs.start(new RunRequest("replayer", good, null, 1, this.folder.resolve("first")));
		// a later catalog of one row, unusable: a merge of it would have marked both
		// products removed
		Path bad = java.nio.file.Files.writeString(this.folder.resolve("bad.csv"), "sku,title,image\nX,,\n");
		assertThat(this.runs.start(new RunRequest("replayer", bad, null, 1, this.folder.resolve("second"))).status())
			.isEqualTo("FAILED");

		SubmittedRun run = this.queueNightly("replayer");

		assertThat(this.jdbc.queryForObject("SELECT catalog_file FROM generation_run WHERE id = ?", String.class,
				run.id()))
			.isEqualTo(good.toAbsolutePath().normalize().toString());
	}

	@Test
	void shouldRefuseASchedulePlainlyWrong() {
		assertThatThrownBy(() -> this.schedules.save(MerchantSchedule.of("nobody", "02:00", null, "UTC", null)))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessage(
					"no merchant 'nobody'; import a catalog for it first (import --catalog FILE --merchant nobody)");
		assertThatThrownBy(() -> MerchantSchedule.of("acme", null, "0 61 2 * * ?", "UTC", null))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessageStartingWith("'0 61 2 * * ?' is not a Quartz cron expression (seconds minutes hours "
					+ "day-of-month month day-of-week, e.g. '0 30 2 * * ?'): ");
		assertThatThrownBy(() -> MerchantSchedule.of("acme", "2am", null, "UTC", null))
			.hasMessage("'2am' is not a time of day as HH:MM");
		assertThatThrownBy(() -> MerchantSchedule.of("acme", "02:00", null, "Europe/Atlantis", null))
			.hasMessage("'Europe/Atlantis' is not a time zone; use a region such as Europe/Berlin or UTC");
		assertThatThrownBy(() -> MerchantSchedule.of("acme", "02:00", "0 0 2 * * ?", "UTC", null))
			.hasMessage("give the nightly run's time as either --at HH:MM or --cron EXPRESSION");
	}

	private SubmittedRun queueNightly(String merchant) {
		return this.queue.submitNightly(merchant);
	}

	@Autowired
	RunQueue queue;

	private List<Map<String, Object>> nightlyRuns(String merchant) {
		return this.jdbc.queryForList("""
				SELECT status, priority, catalog_file FROM generation_run
				WHERE merchant_id = ? AND kind = 'NIGHTLY' ORDER BY id""", merchant);
	}

}
