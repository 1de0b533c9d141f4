package com.prompt2pixel.ingest;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code mergeCatalogStep}: turns the staged rows into products. First, in one
 * transaction, it records what only the whole file shows (a key used twice, a variation
 * whose parent is missing, a product without any image); then it applies the skip limit,
 * and either fails the import, changing no product, or upserts every staged product,
 * folds WooCommerce variations into their products, counts new, changed, unchanged and
 * removed products and empties the staging rows, in a second transaction. A restart after
 * that commit finds the import merged and does nothing again.
 */
class CatalogMerge implements Tasklet {

	private static final String DUPLICATES = """
			INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by)
			SELECT import_id, row_number, 'key', format('duplicate key ''%s'', first used on row %s', source_key, first_row),
			       'MERGE'
			FROM (SELECT import_id, row_number, source_key,
			             min(row_number) OVER (PARTITION BY source_key) AS first_row
			      FROM catalog_import_row WHERE import_id = ?) staged
			WHERE row_number > first_row""";

	/** Two anti-joins rather than one with OR, so that each can be a hash join. */
	private static final String ORPHANS = """
			INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by)
			SELECT v.import_id, v.row_number, 'parent',
			       format('is ''%s'', which is no product in this file', v.parent_key), 'MERGE'
			FROM catalog_import_row v
			WHERE v.import_id = ? AND v.parent_key IS NOT NULL
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row p WHERE p.import_id = v.import_id
			                  AND p.parent_key IS NULL AND p.source_key = v.parent_key)
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row p WHERE p.import_id = v.import_id
			                  AND p.parent_key IS NULL AND p.alt_key = v.parent_key)""";

	private static final String WITHOUT_IMAGE = """
			INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by)
			SELECT p.import_id, p.row_number, 'image', 'the product has no image, and a scene needs its photo', 'MERGE'
			FROM catalog_import_row p
			WHERE p.import_id = ? AND p.parent_key IS NULL AND cardinality(p.image_urls) = 0
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row v WHERE v.import_id = p.import_id
			                  AND v.parent_key = p.source_key AND cardinality(v.image_urls) > 0)
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row v WHERE v.import_id = p.import_id
			                  AND v.parent_key = p.alt_key AND cardinality(v.image_urls) > 0)""";

	/**
	 * The products to upsert: staged products without a problem, each with its variations
	 * folded in (count, lowest price, images after its own), and the hash of everything
	 * that changes its imagery.
	 */
	private static final String MERGED = """
			CREATE TEMPORARY TABLE merged ON COMMIT DROP AS
			WITH bad AS (SELECT row_number FROM catalog_import_error WHERE import_id = ? AND found_by = 'MERGE'),
			staged AS (SELECT * FROM catalog_import_row WHERE import_id = ? AND row_number NOT IN (SELECT row_number FROM bad)),
			products AS (SELECT * FROM staged WHERE parent_key IS NULL),
			variations AS (
			    SELECT coalesce(by_key.source_key, by_id.source_key) AS product_key, v.row_number, v.price, v.image_urls
			    FROM staged v
			    LEFT JOIN products by_key ON by_key.source_key = v.parent_key
			    LEFT JOIN products by_id ON by_id.alt_key = v.parent_key
			    WHERE v.parent_key IS NOT NULL),
			folded AS (
			    SELECT product_key, count(*) AS variants, min(price) AS price,
			           array_agg(image_urls[1] ORDER BY row_number) FILTER (WHERE cardinality(image_urls) > 0) AS images
			    FROM variations GROUP BY product_key),
			combined AS (
			    SELECT p.row_number, p.source_key, p.title, p.description, p.vendor, p.product_type, p.category, p.tags,
			           p.options,
			           coalesce(f.variants, p.variant_count) AS variant_count,
			           least(p.price, f.price) AS price,
			           CASE WHEN f.images IS NULL THEN p.image_urls
			                ELSE ARRAY(SELECT url FROM unnest(p.image_urls || f.images) WITH ORDINALITY AS u (url, n)
			                           GROUP BY url ORDER BY min(n)) END AS image_urls
			    FROM products p LEFT JOIN folded f ON f.product_key = p.source_key)
			SELECT *, encode(sha256(convert_to(concat_ws(E'\\x1f', title, description, vendor, product_type, category,
			                                             array_to_string(tags, ','), options, image_urls[1]), 'UTF8')),
			                 'hex') AS content_hash
			FROM combined""";

	private static final String COUNT = """
			SELECT count(*) FILTER (WHERE p.id IS NULL) AS created,
			       count(*) FILTER (WHERE p.content_hash <> m.content_hash OR p.removed_at IS NOT NULL) AS changed,
			       count(*) FILTER (WHERE p.content_hash = m.content_hash AND p.removed_at IS NULL) AS same
			FROM merged m LEFT JOIN product p ON p.merchant_id = ? AND p.source_key = m.source_key""";

	/**
	 * The photo's checksum survives while the primary image stays the same; a run checks
	 * the photo again anyway.
	 */
	private static final String UPSERT = """
			INSERT INTO product (merchant_id, source_key, title, description, category, product_type, tags, vendor,
			                     image_url, image_urls, options, variant_count, price, content_hash, source_row,
			                     last_import_id)
			SELECT ?, source_key, title, description, category, product_type, tags, vendor, image_urls[1], image_urls,
			       options, variant_count, price, content_hash, row_number, ?
			FROM merged
			ON CONFLICT (merchant_id, source_key) DO UPDATE
			SET title = excluded.title, description = excluded.description, category = excluded.category,
			    product_type = excluded.product_type, tags = excluded.tags, vendor = excluded.vendor,
			    image_url = excluded.image_url, image_urls = excluded.image_urls, options = excluded.options,
			    variant_count = excluded.variant_count, price = excluded.price,
			    image_sha256 = CASE WHEN product.image_url = excluded.image_url THEN product.image_sha256 END,
			    content_hash = excluded.content_hash, source_row = excluded.source_row,
			    last_import_id = excluded.last_import_id, removed_at = NULL,
			    updated_at = CASE WHEN product.content_hash = excluded.content_hash AND product.removed_at IS NULL
			                      THEN product.updated_at ELSE now() END""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ImportReports reports;

	private final CatalogImports imports;

	private final CatalogImport catalogImport;

	private final int maxSkippedPercent;

	CatalogMerge(JdbcTemplate jdbc, TransactionTemplate transactions, ImportReports reports, CatalogImports imports,
			CatalogImport catalogImport, int maxSkippedPercent) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.reports = reports;
		this.imports = imports;
		this.catalogImport = catalogImport;
		this.maxSkippedPercent = maxSkippedPercent;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long id = this.catalogImport.id();
		Boolean merged = this.jdbc.queryForObject("SELECT merged_at IS NOT NULL FROM catalog_import WHERE id = ?",
				Boolean.class, id);
		if (Boolean.TRUE.equals(merged)) {
			return RepeatStatus.FINISHED;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM catalog_import_error WHERE import_id = ? AND found_by = 'MERGE'", id);
			this.jdbc.update(DUPLICATES, id);
			this.jdbc.update(ORPHANS, id);
			this.jdbc.update(WITHOUT_IMAGE, id);
			this.imports.countSkipped(id);
		});
		String rejection = rejection(id);
		if (rejection != null) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("DELETE FROM catalog_import_row WHERE import_id = ?", id);
				this.imports.failed(id, rejection);
			});
			this.reports.write(id);
			throw new ImportRejectedException(rejection);
		}
		this.transactions.executeWithoutResult((status) -> merge(id));
		this.reports.write(id);
		return RepeatStatus.FINISHED;
	}

	/** Why the import must import nothing, or null when it may go ahead. */
	private String rejection(long id) {
		long rows = this.jdbc.queryForObject("SELECT rows_read FROM catalog_import WHERE id = ?", Long.class, id);
		long skipped = this.jdbc.queryForObject("SELECT rows_skipped FROM catalog_import WHERE id = ?", Long.class, id);
		long products = this.jdbc.queryForObject("""
				SELECT count(*) FROM catalog_import_row r
				WHERE import_id = ? AND parent_key IS NULL
				  AND NOT EXISTS (SELECT 1 FROM catalog_import_error e
				                  WHERE e.import_id = r.import_id AND e.row_number = r.row_number)""", Long.class, id);
		if (products == 0) {
			return "none of the catalog's " + rows + " rows could be imported; nothing was imported";
		}
		if (skipped * 100 > rows * this.maxSkippedPercent) {
			return skipped + " of " + rows + " rows have problems, more than the " + this.maxSkippedPercent
					+ "% an import may skip; nothing was imported. The error report lists each problem";
		}
		return null;
	}

	private void merge(long id) {
		String merchantId = this.catalogImport.merchantId();
		this.jdbc.update(MERGED, id, id);
		long[] counts = this.jdbc.queryForObject(COUNT,
				(rs, row) -> new long[] { rs.getLong("created"), rs.getLong("changed"), rs.getLong("same") },
				merchantId);
		this.jdbc.update(UPSERT, merchantId, id);
		int removed = this.jdbc.update(
				"UPDATE product SET removed_at = now() WHERE merchant_id = ? AND removed_at IS NULL AND last_import_id <> ?",
				merchantId, id);
		this.jdbc.update("DELETE FROM catalog_import_row WHERE import_id = ?", id);
		this.jdbc.update("""
				UPDATE catalog_import
				SET products_new = ?, products_changed = ?, products_same = ?, products_removed = ?, merged_at = now(),
				    status = 'COMPLETED', finished_at = now()
				WHERE id = ?""", counts[0], counts[1], counts[2], removed, id);
	}

}
