package com.prompt2pixel.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.queue.RunProgress;
import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.window.GpuPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Remote partitioning in one process: this test plays the worker node (it registers one
 * and drives {@link PartitionWorker} itself) while the application, a manager, executes
 * the run and sends its generate partitions through the channel in PostgreSQL.
 */
class RemotePartitioningFunctionalTests extends FunctionalTest {

	private static final Duration DEAD_AFTER = Duration.ofSeconds(20);

	@Autowired
	QueueChannel batchPartitionRequests;

	@Autowired
	PartitionWorker worker;

	@Autowired
	LostPartitionRecovery lostPartitions;

	@Autowired
	GeneratePartitions partitions;

	@Autowired
	CatalogRuns runs;

	@Autowired
	RunQueue queue;

	@Autowired
	RunProgresses progresses;

	@Autowired
	GpuLanes lanes;

	@Autowired
	Merchants merchants;

	@Autowired
	PlatformTransactionManager transactionManager;

	@TempDir
	Path folder;

	@AfterEach
	void noWorkerNorRunLeftForTheOtherTests() {
		this.jdbc.update("UPDATE node SET stopped_at = now() WHERE role = 'worker' AND stopped_at IS NULL");
		// a run left STOPPED would be resumed by this application's own dispatcher, and
		// its
		// partitions taken by the next test's worker
		retireSubmittedRuns();
	}

	@Test
	void shouldKeepAPartitionRequestInTheDatabaseUntilAWorkerTakesIt() {
		this.batchPartitionRequests
			.send(MessageBuilder.withPayload(new StepExecutionRequest("someStep:partition:tasks0", 42L)).build());

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM int_channel_message", Long.class)).isOne();
		Message<?> taken = this.batchPartitionRequests.receive(0);
		StepExecutionRequest request = (StepExecutionRequest) taken.getPayload();
		assertThat(request.getStepName()).isEqualTo("someStep:partition:tasks0");
		assertThat(request.getStepExecutionId()).isEqualTo(42L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM int_channel_message", Long.class)).isZero();
		assertThat(this.batchPartitionRequests.receive(0)).isNull();
	}

	@Test
	void shouldSendARunsPartitionsToTheWorkerAndFinishTheRunWithTheirImages() throws Exception {
		String node = workerNode();
		Path out = this.folder.resolve("out");
		CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> this.runs
			.start(new RunRequest("remote", SampleCatalogs.firstProducts(this.folder.resolve("c"), 6), null, 2, out)));

		RunSummary summary = work(node, run);

		assertThat(summary.status()).as(summary.failure()).isEqualTo("COMPLETED");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT node_id FROM generate_partition WHERE run_id = ?",
				String.class, summary.run()))
			.as("every partition was executed by the worker")
			.containsExactly(node);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generate_partition WHERE run_id = ?", Long.class,
				summary.run()))
			.as("p2p.generate.partitions")
			.isEqualTo(4);
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum((int) summary.images());
	}

	@Test
	void shouldFailThePartitionOfADeadWorkerAndExecuteOnlyThatOneAgainWhenTheRunRestarts() throws Exception {
		String dead = workerNode();
		Path out = this.folder.resolve("out");
		CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> this.runs.start(
				new RunRequest("orphaned", SampleCatalogs.firstProducts(this.folder.resolve("c"), 6), null, 2, out)));
		// the dead worker takes one partition, as PartitionWorker does, and then dies
		long lost = takeOnePartitionAs(dead);
		this.jdbc.update("UPDATE node SET stopped_at = now() WHERE id = ?", dead);

		String live = workerNode();
		RunSummary failed = work(live, first);

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM batch_step_execution WHERE step_execution_id = ?",
				String.class, lost))
			.isEqualTo("FAILED");
		assertThat(this.partitions.takeLoss(failed.run())).as("the run lost a partition").isTrue();
		assertThat(this.partitions.takeLoss(failed.run())).as("told once").isFalse();
		long renderedBefore = this.generator.rendered();
		long pendingBefore = this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE run_id = ? AND state = 'PENDING'", Long.class, failed.run());

		assertThat(pendingBefore).as("the lost partition's tasks").isPositive();

		RunSummary resumed = work(live, CompletableFuture.supplyAsync(() -> this.runs.resume(failed.run())));

		assertThat(resumed.status()).as(resumed.failure()).isEqualTo("COMPLETED");
		assertThat(this.generator.rendered() - renderedBefore).as("only the lost partition's tasks rendered again")
			.isEqualTo(pendingBefore);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generate_partition WHERE run_id = ? AND node_id = ?",
				Long.class, failed.run(), live))
			.as("three partitions, then the lost one again")
			.isEqualTo(4);
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum((int) resumed.images());
	}

	@Test
	void shouldReportWhyAPartitionFailedOnTheWorker() throws Exception {
		String node = workerNode();
		this.generator.failOnImage(3);
		CompletableFuture<RunSummary> run = CompletableFuture
			.supplyAsync(() -> this.runs.start(new RunRequest("partition-broken",
					SampleCatalogs.firstProducts(this.folder.resolve("c"), 6), null, 2, this.folder.resolve("out"))));

		RunSummary failed = work(node, run);

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.failure()).as("the worker's exception, not the manager's 'unsuccessful step'")
			.isEqualTo("failed in generateImagesStep: injected generator failure on image 3");
	}

	@Test
	void shouldTakeAnOnDemandPartitionBesideTheBatchPartitionThatFillsTheWorker() throws Exception {
		retireSubmittedRuns();
		this.merchants.ensure("bulk");
		this.merchants.ensure("hurry");
		String node = workerNode();
		this.generator.slowDown(20);
		this.lanes.resetStatistics();
		// the application's own dispatch loop executes the submitted runs, as a manager
		SubmittedRun batch = this.queue.submit(new RunRequest("bulk",
				SampleCatalogs.firstProducts(this.folder.resolve("big"), 20), null, 13, this.folder.resolve("big-out")),
				RunPriority.BATCH, GpuPool.DEFAULT);
		workUntil(node, () -> this.generator.rendered() >= 40);

		SubmittedRun onDemand = this.queue.submit(new RunRequest("hurry",
				SampleCatalogs.firstProducts(this.folder.resolve("one"), 1), null, 1, this.folder.resolve("one-out")),
				RunPriority.ON_DEMAND, GpuPool.DEFAULT);
		workUntil(node, () -> "COMPLETED".equals(progress(onDemand).status()));

		RunProgress big = progress(batch);
		assertThat(big.status()).isEqualTo("RUNNING");
		assertThat(big.pending()).as("the batch run had most of its work ahead").isGreaterThan(big.total() / 2);
		long chunk = this.lanes.longestBatchChunkMillis();
		assertThat(this.lanes.longestOnDemandChunkMillis()).as("on-demand chunk against a batch chunk of %d ms", chunk)
			.isLessThanOrEqualTo(2 * chunk);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT node_id FROM generate_partition WHERE run_id = ?",
				String.class, onDemand.id()))
			.as("the on-demand partitions went to the worker")
			.containsExactly(node);

		assertThat(this.runs.stop(batch.id())).isTrue();
		workUntil(node, () -> "STOPPED".equals(progress(batch).status()));
	}

	private void workUntil(String node, BooleanSupplier done) {
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
			if (done.getAsBoolean()) {
				return true;
			}
			heartbeat(node);
			this.worker.take();
			return false;
		});
	}

	private RunProgress progress(SubmittedRun run) {
		return this.progresses.find(run.id()).orElseThrow();
	}

	/** A worker node of this test, heartbeating, with the worker joined to it. */
	private String workerNode() {
		// registered as the cluster's dispatch loop registers a worker process
		String node = UUID.randomUUID().toString();
		this.jdbc.update("INSERT INTO node (id, role, host, pid) VALUES (?, 'worker', 'test', 0)", node);
		this.worker.join(node);
		return node;
	}

	private void heartbeat(String node) {
		this.jdbc.update("UPDATE node SET heartbeat_at = now() WHERE id = ?", node);
	}

	/** Plays the worker node until the run's manager is done with it. */
	private RunSummary work(String node, CompletableFuture<RunSummary> run) throws Exception {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
			if (run.isDone()) {
				return true;
			}
			heartbeat(node);
			this.worker.take();
			this.lostPartitions.recover(DEAD_AFTER);
			return false;
		});
		return run.get(1, TimeUnit.SECONDS);
	}

	private long takeOnePartitionAs(String node) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		return await("a partition request").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> transaction.execute((status) -> {
				Message<?> message = this.batchPartitionRequests.receive(0);
				if (message == null) {
					return null;
				}
				long stepExecutionId = ((StepExecutionRequest) message.getPayload()).getStepExecutionId();
				long runId = this.jdbc.queryForObject("""
						SELECT p.parameter_value::bigint FROM batch_step_execution s
						JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
						WHERE s.step_execution_id = ? AND p.parameter_name = 'run.id'""", Long.class, stepExecutionId);
				this.partitions.taken(stepExecutionId, runId, node);
				return stepExecutionId;
			}), Objects::nonNull);
	}

}
