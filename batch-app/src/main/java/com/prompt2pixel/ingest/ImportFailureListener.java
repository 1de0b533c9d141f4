package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.catalog.CatalogFormatException;
import com.prompt2pixel.connectors.shopify.ShopifyException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Marks the import FAILED, with the reason in one line, when one of its steps fails: an
 * unreadable file, a broken quote, the skip limit.
 */
@Component
class ImportFailureListener implements StepExecutionListener {

	private final CatalogImports imports;

	ImportFailureListener(CatalogImports imports) {
		this.imports = imports;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.FAILED && !stepExecution.getFailureExceptions().isEmpty()) {
			this.imports.failed(stepExecution.getJobParameters().getLong(CatalogImportJob.IMPORT_ID),
					reason(stepExecution.getFailureExceptions().get(0)));
		}
		return stepExecution.getExitStatus();
	}

	/**
	 * Our own message where there is one (it names file and row), else the root cause's.
	 */
	static String reason(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof CatalogFormatException) && !(cause instanceof ImportRejectedException)
				&& !(cause instanceof ShopifyException) && !(cause instanceof InvalidImportRequestException)
				&& cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.replaceAll("\\s+", " ").strip();
	}

}
