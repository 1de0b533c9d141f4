package com.prompt2pixel.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogReader;

/**
 * Parses the catalog on a thread of its own, a few batches ahead of the step: while the
 * step's thread waits for PostgreSQL to take one batch, the next is being read, so the
 * two cores of a small machine both work. The step sees the same batches in the same
 * order as if it read them itself; a failure to read reaches it at the batch where it
 * happened.
 */
final class ReadAhead implements AutoCloseable {

	private static final int BATCHES_AHEAD = 3;

	private static final Batch END = new Batch(List.of(), null);

	private final CatalogReader reader;

	private final int batchSize;

	private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);

	private final Thread thread;

	private volatile boolean closed;

	private boolean ended;

	ReadAhead(CatalogReader reader, int batchSize) {
		this.reader = reader;
		this.batchSize = batchSize;
		this.thread = new Thread(this::produce, "catalog-read-ahead");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The next batch, or null after the last.
	 * @throws RuntimeException what reading the file threw
	 */
	List<StagedEntry> next() {
		if (this.ended) {
			return null;
		}
		Batch batch;
		try {
			batch = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the catalog", ex);
		}
		if (batch.failure() != null) {
			this.ended = true;
			throw batch.failure();
		}
		if (batch == END) {
			this.ended = true;
			return null;
		}
		return batch.entries();
	}

	private void produce() {
		long rowsBefore = 0;
		try {
			while (!this.closed) {
				List<StagedEntry> entries = new ArrayList<>(this.batchSize);
				while (entries.size() < this.batchSize) {
					CatalogEntry entry = this.reader.next();
					if (entry == null) {
						break;
					}
					long rows = this.reader.rowsRead();
					entries.add(new StagedEntry(entry, rows - rowsBefore, null));
					rowsBefore = rows;
				}
				if (!entries.isEmpty()) {
					put(new Batch(entries, null));
				}
				if (entries.size() < this.batchSize) {
					put(END);
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			put(new Batch(List.of(), ex));
		}
		catch (Error ex) {
			// out of memory, say: the step must hear of it rather than wait forever
			put(new Batch(List.of(), new IllegalStateException("reading the catalog failed: " + ex, ex)));
			throw ex;
		}
	}

	private void put(Batch batch) {
		try {
			while (!this.closed && !this.queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				// the step is slower than the reader: wait for room, or for close()
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.queue.clear();
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.reader.close();
	}

	private record Batch(List<StagedEntry> entries, RuntimeException failure) {

	}

}
