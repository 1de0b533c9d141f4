package com.prompt2pixel.generate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import com.prompt2pixel.task.CatalogImageJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker node's side of remote partitioning: takes generate partitions off the
 * {@link PartitionChannel}s while it has room ({@code p2p.schedule.worker-partitions}
 * batch ones and {@code p2p.schedule.on-demand-runs} on-demand ones beside them) and
 * executes them. Taking a request and recording this node as its taker are one
 * transaction, so a partition is never taken without a trace: if this process dies at any
 * instant after, a manager finds the partition by its dead node and has it executed
 * again. A request whose partition no longer waits (recovered meanwhile) is dropped.
 */
@Component
@Order(1)
class PartitionWorker implements NodeDuty {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final List<Lane> lanes;

	private final TransactionTemplate transaction;

	private final JobRepository jobRepository;

	private final Step partitionStep;

	private final GeneratePartitions partitions;

	/** The partitions executing here, so that a drain can ask each to stop. */
	private final Set<StepExecution> executing = ConcurrentHashMap.newKeySet();

	private volatile ExecutorService executor;

	private volatile String nodeId;

	private volatile boolean draining;

	PartitionWorker(QueueChannel onDemandPartitionRequests, QueueChannel batchPartitionRequests,
			PlatformTransactionManager transactionManager, JobRepository jobRepository,
			@Qualifier(CatalogImageJob.GENERATE_IMAGES_PARTITION_STEP) Step partitionStep,
			GeneratePartitions partitions, ScheduleProperties properties) {
		// on-demand first: their partitions are taken beside the batch ones, and their
		// chunks go first on the generator (GpuLanes)
		this.lanes = List.of(new Lane("on-demand", onDemandPartitionRequests, properties.onDemandRuns()),
				new Lane("batch", batchPartitionRequests, properties.workerPartitions()));
		this.transaction = new TransactionTemplate(transactionManager);
		this.jobRepository = jobRepository;
		this.partitionStep = partitionStep;
		this.partitions = partitions;
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.WORKER;
	}

	/** Makes this process take partitions, as the given node. */
	@Override
	public synchronized void join(String nodeId) {
		this.nodeId = nodeId;
		// anew after a drain too (a stopped application context started again)
		this.draining = false;
		if (this.executor == null || this.executor.isShutdown()) {
			AtomicInteger count = new AtomicInteger();
			int threads = this.lanes.stream().mapToInt(Lane::capacity).sum();
			this.executor = Executors.newFixedThreadPool(threads, (task) -> {
				Thread thread = new Thread(task, "partition-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	@Override
	public void tick(Duration deadAfter) {
		take();
	}

	/**
	 * Takes partitions from each lane's channel while the lane has room; at every tick.
	 */
	synchronized void take() {
		if (this.nodeId == null) {
			throw new IllegalStateException("this process is not a worker node");
		}
		for (Lane lane : this.lanes) {
			while (!this.draining && lane.active.get() < lane.capacity()) {
				Taken taken = this.transaction.execute((status) -> takeOne(lane.requests()));
				if (taken == null) {
					break;
				}
				if (taken.execution() != null) {
					launch(lane, taken.execution());
				}
			}
		}
	}

	/** One request off a channel: null when there is none. */
	private Taken takeOne(QueueChannel requests) {
		Message<?> message = requests.receive(0);
		if (message == null) {
			return null;
		}
		StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
		StepExecution execution = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (execution == null || execution.getStatus() != BatchStatus.STARTING) {
			log.info("Dropping the request for partition {}: it is {} already", request.getStepExecutionId(),
					(execution != null) ? execution.getStatus() : "gone");
			return new Taken(null);
		}
		long runId = execution.getJobExecution().getJobParameters().getLong(CatalogImageJob.RUN_ID);
		this.partitions.taken(execution.getId(), runId, this.nodeId);
		return new Taken(execution);
	}

	private void launch(Lane lane, StepExecution execution) {
		lane.active.incrementAndGet();
		this.executing.add(execution);
		log.info("Executing partition {} ({}, {}) of job execution {}", execution.getId(), execution.getStepName(),
				lane.name(), execution.getJobExecutionId());
		this.executor.execute(() -> {
			try {
				// the step records its own outcome (COMPLETED, STOPPED or FAILED) in the
				// job repository, where the manager reads it
				this.partitionStep.execute(execution);
				log.info("Partition {} ended {}", execution.getId(), execution.getStatus());
			}
			catch (Exception ex) {
				log.error("Partition {} could not be executed: {}", execution.getId(), ex.getMessage(), ex);
			}
			finally {
				this.executing.remove(execution);
				lane.active.decrementAndGet();
			}
		});
	}

	/**
	 * Takes no more partitions and asks those executing here to stop at their next chunk
	 * boundary; waits for them up to the deadline, then cuts them off (a manager then
	 * finds them lost with this node).
	 * @return whether every partition stopped within the deadline
	 */
	@Override
	public boolean drain(Duration deadline) throws InterruptedException {
		this.draining = true;
		for (StepExecution execution : this.executing) {
			log.info("Partition {} is stopping: this node is shutting down", execution.getId());
			execution.setTerminateOnly();
		}
		long end = System.nanoTime() + deadline.toNanos();
		while (active() > 0 && System.nanoTime() < end) {
			Thread.sleep(100);
		}
		boolean stopped = active() == 0;
		if (!stopped) {
			log.warn("{} partition(s) did not reach a chunk boundary within {}; cutting them off", active(), deadline);
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		return stopped;
	}

	/** Partitions executing here now. */
	private int active() {
		return this.lanes.stream().mapToInt((lane) -> lane.active.get()).sum();
	}

	/** A lane's channel, and how many of its partitions this worker executes at once. */
	private record Lane(String name, QueueChannel requests, int capacity, AtomicInteger active) {

		Lane(String name, QueueChannel requests, int capacity) {
			this(name, requests, capacity, new AtomicInteger());
		}

	}

	/** What one take gave: a partition to execute, or none (a stale request dropped). */
	private record Taken(StepExecution execution) {
	}

}
