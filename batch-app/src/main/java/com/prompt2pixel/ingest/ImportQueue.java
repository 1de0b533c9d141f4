package com.prompt2pixel.ingest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the imports that arrive over HTTP (uploads, webhooks) one after the other, in
 * order of arrival, on a thread of their own. One at a time, because two imports of one
 * merchant merging at once could each take the other's products as removed; an import
 * takes seconds, so the queue stays short.
 */
@Component
class ImportQueue implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ImportQueue.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "catalog-import");
		thread.setDaemon(true);
		return thread;
	});

	private final CatalogImports imports;

	ImportQueue(CatalogImports imports) {
		this.imports = imports;
	}

	void submit(long importId, Runnable work) {
		this.executor.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				// the job records its own failures; this is one it could not record
				logger.error("import {} failed", importId, ex);
				this.imports.failed(importId, ImportFailureListener.reason(ex));
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
			logger.warn("imports still running at shutdown; resume them with resume-import");
			this.executor.shutdownNow();
		}
	}

}
