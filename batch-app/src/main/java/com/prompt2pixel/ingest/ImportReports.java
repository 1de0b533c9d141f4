package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.connectors.io.TableFile;
import com.prompt2pixel.system.ServerPaths;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The error report of an import, for the merchant to download: every skipped row with its
 * number, column and reason, as {@code errors.csv} and {@code errors.xlsx} in the
 * import's folder. Written again whenever problems are added; no report when there are
 * none. No absolute path of the server's is written into it.
 */
@Component
class ImportReports {

	static final List<String> HEADER = List.of("row", "column", "problem");

	private final JdbcTemplate jdbc;

	private final Path folder;

	ImportReports(JdbcTemplate jdbc, IngestProperties properties) {
		this.jdbc = jdbc;
		this.folder = properties.reportsDir().toAbsolutePath().normalize();
	}

	/** Writes the report when there are problems, and records its CSV's path. */
	public void write(long importId) {
		Integer problems = this.jdbc.queryForObject("SELECT count(*) FROM catalog_import_error WHERE import_id = ?",
				Integer.class, importId);
		if (problems == null || problems == 0) {
			this.jdbc.update("UPDATE catalog_import SET error_report = NULL WHERE id = ?", importId);
			return;
		}
		Path csv = this.folder.resolve(Long.toString(importId)).resolve("errors.csv");
		write(importId, csv);
		write(importId, csv.resolveSibling("errors.xlsx"));
		this.jdbc.update("UPDATE catalog_import SET error_report = ? WHERE id = ?", csv.toString(), importId);
	}

	private void write(long importId, Path target) {
		try (TableFile table = TableFile.create(target, HEADER)) {
			this.jdbc.query("""
					SELECT row_number, column_name, reason FROM catalog_import_error
					WHERE import_id = ? ORDER BY row_number, id""", (rs) -> {
				// a reason may quote an absolute path (a reference the catalog made to a
				// server file): only its file name is the merchant's business
				table.add(List.of(rs.getLong(1), rs.getString(2), ServerPaths.hide(rs.getString(3))));
			}, importId);
			table.commit();
		}
	}

}
