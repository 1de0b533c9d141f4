package com.prompt2pixel.generate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Who renders next on this process's generator: one chunk at a time, and at every chunk
 * boundary an on-demand chunk goes ahead of any batch chunk waiting. A batch run keeps
 * the generator busy chunk after chunk, so an on-demand request waits at most for the
 * chunk in progress. Within a lane, waiting chunks go in arrival order (the monitor is
 * not fair, but a lane's chunks come from one run's step at a time in practice).
 */
@Component
public class GpuLanes {

	private int onDemandWaiting;

	private boolean busy;

	private final AtomicLong longestBatchHoldNanos = new AtomicLong();

	private final AtomicLong longestOnDemandNanos = new AtomicLong();

	/**
	 * Runs the work when its turn comes.
	 * @param onDemand whether it is an on-demand run's chunk
	 */
	public <T> T render(boolean onDemand, Supplier<T> work) {
		long asked = System.nanoTime();
		acquire(onDemand);
		long started = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			long ended = System.nanoTime();
			release();
			if (onDemand) {
				this.longestOnDemandNanos.accumulateAndGet(ended - asked, Math::max);
			}
			else {
				this.longestBatchHoldNanos.accumulateAndGet(ended - started, Math::max);
			}
		}
	}

	/** Forgets the longest times measured so far. */
	public void resetStatistics() {
		this.longestBatchHoldNanos.set(0);
		this.longestOnDemandNanos.set(0);
	}

	/** The longest a batch chunk held the generator: one chunk's time, at worst. */
	public long longestBatchChunkMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.longestBatchHoldNanos.get());
	}

	/**
	 * The longest an on-demand chunk took from asking for the generator to having its
	 * images: its wait plus its own rendering.
	 */
	public long longestOnDemandChunkMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.longestOnDemandNanos.get());
	}

	private synchronized void acquire(boolean onDemand) {
		if (onDemand) {
			this.onDemandWaiting++;
		}
		try {
			while (this.busy || (!onDemand && this.onDemandWaiting > 0)) {
				wait();
			}
		}
		catch (InterruptedException ex) {
			if (onDemand) {
				this.onDemandWaiting--;
				notifyAll();
			}
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the generator", ex);
		}
		if (onDemand) {
			this.onDemandWaiting--;
		}
		this.busy = true;
	}

	private synchronized void release() {
		this.busy = false;
		notifyAll();
	}

}
