package com.prompt2pixel.ingest;

import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports a catalog file on its own, without a run: {@code catalogImportJob},
 * synchronously.
 */
@Service
public class CatalogImportService {

	private final JobOperator jobOperator;

	private final Job job;

	private final CatalogImports imports;

	private final JdbcTemplate jdbc;

	CatalogImportService(JobOperator jobOperator, @Qualifier(CatalogImportJob.NAME) Job job, CatalogImports imports,
			JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.job = job;
		this.imports = imports;
		this.jdbc = jdbc;
	}

	/**
	 * Checks the request, records the import and runs it to its end.
	 * @throws InvalidImportRequestException when the file cannot be imported at all
	 * (nothing is written)
	 */
	public ImportSummary start(ImportRequest request) {
		request.check();
		long id = this.imports.create(request, null);
		return execute(id);
	}

	/**
	 * Restarts a failed import as the same job instance: staging carries on after its
	 * last committed batch, and a merge that had committed is not done again.
	 * @throws IllegalArgumentException when there is no such import or it completed
	 */
	public ImportSummary resume(long id) {
		CatalogImport catalogImport = this.imports.get(id);
		if ("COMPLETED".equals(catalogImport.status())) {
			throw new IllegalArgumentException("import " + id + " is already complete");
		}
		return execute(id);
	}

	private ImportSummary execute(long id) {
		try {
			this.jobOperator.start(this.job,
					new JobParametersBuilder().addLong(CatalogImportJob.IMPORT_ID, id).toJobParameters());
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
				| InvalidJobParametersException ex) {
			throw new IllegalStateException("import " + id + " cannot start: " + ex.getMessage(), ex);
		}
		return summary(id).orElseThrow();
	}

	public Optional<ImportSummary> summary(long id) {
		return this.jdbc
			.query("""
					SELECT id, status, format, rows_read, products_new, products_changed, products_same, products_removed,
					       rows_skipped, error_report, message,
					       (extract(epoch FROM coalesce(finished_at, now()) - created_at) * 1000)::bigint
					           AS elapsed_ms
					FROM catalog_import WHERE id = ?""",
					(rs, row) -> new ImportSummary(rs.getLong("id"), rs.getString("status"), rs.getString("format"),
							rs.getLong("rows_read"),
							rs.getLong("products_new") + rs.getLong("products_changed") + rs.getLong("products_same"),
							rs.getLong("products_new"), rs.getLong("products_changed"), rs.getLong("products_same"),
							rs.getLong("products_removed"), rs.getLong("rows_skipped"), rs.getString("error_report"),
							rs.getLong("elapsed_ms"), rs.getString("message")),
					id)
			.stream()
			.findFirst();
	}

}
