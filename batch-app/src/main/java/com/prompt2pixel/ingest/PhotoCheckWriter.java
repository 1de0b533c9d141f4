package com.prompt2pixel.ingest;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each photo's checksum on its product. A product whose photo cannot be read gets
 * none, so the run does not expand it, and its row goes into the error report. Written so
 * that a chunk done twice records each problem once.
 */
class PhotoCheckWriter implements ItemWriter<PhotoCheck> {

	private final JdbcTemplate jdbc;

	private final CatalogImports imports;

	private final long importId;

	PhotoCheckWriter(JdbcTemplate jdbc, CatalogImports imports, long importId) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.importId = importId;
	}

	@Override
	public void write(Chunk<? extends PhotoCheck> chunk) {
		List<? extends PhotoCheck> checks = chunk.getItems();
		this.jdbc.batchUpdate(
				"UPDATE product SET image_sha256 = ?, matte_method = ?, matte_confidence = ? WHERE id = ?", checks,
				checks.size(), (statement, check) -> {
					statement.setString(1, check.imageSha256());
					statement.setString(2, check.matteMethod());
					statement.setObject(3, check.matteConfidence());
					statement.setLong(4, check.productId());
				});
		Long[] rows = checks.stream().map(PhotoCheck::row).toArray(Long[]::new);
		// a chunk done again replaces what it found the first time
		int cleared = this.jdbc.update("""
				DELETE FROM catalog_import_error
				WHERE import_id = ? AND found_by IN ('PHOTO', 'MATTE') AND row_number = ANY (?)""", this.importId,
				rows);
		List<? extends PhotoCheck> warned = checks.stream().filter((check) -> check.warning() != null).toList();
		// a warning is reported, and the product is imported all the same
		this.jdbc.batchUpdate("""
				INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by, warning)
				SELECT id, ?, coalesce(image_column, 'image'), ?, 'MATTE', true FROM catalog_import WHERE id = ?""",
				warned, warned.size(), (statement, check) -> {
					statement.setLong(1, check.row());
					statement.setString(2, check.warning());
					statement.setLong(3, this.importId);
				});
		List<? extends PhotoCheck> failed = checks.stream().filter((check) -> check.problem() != null).toList();
		if (failed.isEmpty()) {
			if (cleared > 0) {
				this.imports.countSkipped(this.importId);
			}
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by)
				SELECT id, ?, coalesce(image_column, 'image'), ?, 'PHOTO' FROM catalog_import WHERE id = ?""", failed,
				failed.size(), (statement, check) -> {
					statement.setLong(1, check.row());
					statement.setString(2, check.problem());
					statement.setLong(3, this.importId);
				});
		this.imports.countSkipped(this.importId);
	}

}
