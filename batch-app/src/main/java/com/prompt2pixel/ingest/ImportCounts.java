package com.prompt2pixel.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The counters on a {@code catalog_import} row. Updated inside the chunk's transaction,
 * so a chunk that rolls back takes its counts with it.
 */
@Component
class ImportCounts {

	private final JdbcTemplate jdbc;

	ImportCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void skipped(long importId) {
		this.jdbc.update("UPDATE catalog_import SET rows_skipped = rows_skipped + 1 WHERE id = ?", importId);
	}

	void upserted(long importId, int created, int changed, int same) {
		this.jdbc.update("""
				UPDATE catalog_import
				SET products_new = products_new + ?, products_changed = products_changed + ?,
				    products_same = products_same + ?
				WHERE id = ?""", created, changed, same, importId);
	}

}
