package com.prompt2pixel.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code mergeCatalogStep}: turns the staged rows into products. First, in one
 * transaction, it records what only the whole file shows (a key used twice, a variation
 * whose parent is missing, a product without any image); then it applies the skip limit,
 * and either fails the import, changing no product, or, in a second transaction, folds
 * WooCommerce variations into their products, upserts every good staged product, counts
 * new, changed, unchanged and removed products and empties the staging rows. A restart
 * after that commit finds the import merged and does nothing again. Every statement works
 * on whole sets: a million-row catalog is merged in seconds.
 */
class CatalogMerge implements Tasklet {

	/** The advisory lock key that merges take turns on ("p2p-merge" in ASCII). */
	private static final long MERGE_LOCK = 0x7032702d6d657267L;

	private static final String DUPLICATES = """
			INSERT INTO catalog_import_error (import_id, row_number, column_name, reason, found_by)
			SELECT r.import_id, r.row_number, 'key',
			       format('duplicate key ''%s'', first used on row %s', r.source_key, d.first_row), 'MERGE'
			FROM catalog_import_row r
			JOIN (SELECT source_key, min(row_number) AS first_row FROM catalog_import_row
			      WHERE import_id = ? GROUP BY source_key HAVING count(*) > 1) d ON d.source_key = r.source_key
			WHERE r.import_id = ? AND r.row_number > d.first_row""";

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
			SELECT p.import_id, p.row_number, coalesce(i.image_column, 'image'),
			       'the product has no image, and a scene needs its photo', 'MERGE'
			FROM catalog_import_row p JOIN catalog_import i ON i.id = p.import_id
			WHERE p.import_id = ? AND p.parent_key IS NULL AND cardinality(p.image_urls) = 0
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row v WHERE v.import_id = p.import_id
			                  AND v.parent_key = p.source_key AND cardinality(v.image_urls) > 0)
			  AND NOT EXISTS (SELECT 1 FROM catalog_import_row v WHERE v.import_id = p.import_id
			                  AND v.parent_key = p.alt_key AND cardinality(v.image_urls) > 0)""";

	private static final String GOOD = """
			import_id = ? AND row_number NOT IN (SELECT row_number FROM catalog_import_error
			                                     WHERE import_id = ? AND found_by = 'MERGE')""";

	/**
	 * Each product with variations takes their count, their lowest price and their images
	 * after its own; its hash is taken again, as its primary image may come from them.
	 */
	private static final String FOLD_VARIATIONS = """
			WITH staged AS (SELECT * FROM catalog_import_row WHERE %s),
			variations AS (
			    SELECT coalesce(by_key.source_key, by_id.source_key) AS product_key, v.row_number, v.price, v.image_urls
			    FROM staged v
			    LEFT JOIN staged by_key ON by_key.parent_key IS NULL AND by_key.source_key = v.parent_key
			    LEFT JOIN staged by_id ON by_id.parent_key IS NULL AND by_id.alt_key = v.parent_key
			    WHERE v.parent_key IS NOT NULL),
			folded AS (
			    SELECT product_key, count(*) AS variants, min(price) AS price,
			           array_agg(image_urls[1] ORDER BY row_number) FILTER (WHERE cardinality(image_urls) > 0) AS images
			    FROM variations GROUP BY product_key)
			UPDATE catalog_import_row p
			SET variant_count = f.variants, price = least(p.price, f.price),
			    image_urls = ARRAY(SELECT url FROM unnest(p.image_urls || coalesce(f.images, '{}'))
			                                   WITH ORDINALITY AS u (url, n)
			                       GROUP BY url ORDER BY min(n))
			FROM folded f
			WHERE p.import_id = ? AND p.parent_key IS NULL AND p.source_key = f.product_key""".formatted(GOOD);

	/** Products that took variations' images, whose hash is taken again. */
	private static final String FOLDED = """
			SELECT p.row_number, p.title, p.description, p.vendor, p.product_type, p.category, p.tags, p.options,
			       p.image_urls, p.size_cm
			FROM catalog_import_row p
			WHERE p.import_id = ? AND p.parent_key IS NULL
			  AND EXISTS (SELECT 1 FROM catalog_import_row v WHERE v.import_id = p.import_id
			              AND v.parent_key IN (p.source_key, p.alt_key))""";

	private static final String COUNT = """
			SELECT count(*) FILTER (WHERE p.id IS NULL) AS created,
			       count(*) FILTER (WHERE p.content_hash <> s.content_hash OR p.removed_at IS NOT NULL) AS changed,
			       count(*) FILTER (WHERE p.content_hash = s.content_hash AND p.removed_at IS NULL) AS same
			FROM catalog_import_row s LEFT JOIN product p ON p.merchant_id = ? AND p.source_key = s.source_key
			WHERE s.parent_key IS NULL AND s.%s""".formatted(GOOD);

	/** Every good staged product, as a row of {@code product}. */
	private static final String INSERT = """
			INSERT INTO product (merchant_id, source_key, title, description, category, product_type, tags, vendor,
			                     image_url, image_urls, options, variant_count, price, content_hash, source_row,
			                     last_import_id, external_id, size_cm)
			SELECT ?, source_key, title, description, category, product_type, tags, vendor, image_urls[1], image_urls,
			       options, variant_count, price, content_hash, row_number, import_id, alt_key, size_cm
			FROM catalog_import_row
			WHERE parent_key IS NULL AND %s""".formatted(GOOD);

	/**
	 * The same for a merchant with products already. The photo's checksum survives while
	 * the primary image stays the same; a run checks the photo again anyway.
	 */
	private static final String UPSERT = INSERT + """

			ON CONFLICT (merchant_id, source_key) DO UPDATE
			SET title = excluded.title, description = excluded.description, category = excluded.category,
			    product_type = excluded.product_type, tags = excluded.tags, vendor = excluded.vendor,
			    image_url = excluded.image_url, image_urls = excluded.image_urls, options = excluded.options,
			    variant_count = excluded.variant_count, price = excluded.price, size_cm = excluded.size_cm,
			    image_sha256 = CASE WHEN product.image_url = excluded.image_url THEN product.image_sha256 END,
			    content_hash = excluded.content_hash, source_row = excluded.source_row,
			    last_import_id = excluded.last_import_id, removed_at = NULL, external_id = excluded.external_id,
			    updated_at = CASE WHEN product.content_hash = excluded.content_hash AND product.removed_at IS NULL
			                      THEN product.updated_at ELSE now() END""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ImportReports reports;

	private final CatalogImports imports;

	private final CatalogImport catalogImport;

	private final SkipLimit skipLimit;

	private final RemovalLimit removalLimit;

	CatalogMerge(JdbcTemplate jdbc, TransactionTemplate transactions, ImportReports reports, CatalogImports imports,
			CatalogImport catalogImport, SkipLimit skipLimit, RemovalLimit removalLimit) {
		this.removalLimit = removalLimit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.reports = reports;
		this.imports = imports;
		this.catalogImport = catalogImport;
		this.skipLimit = skipLimit;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long id = this.catalogImport.id();
		Boolean merged = this.jdbc.queryForObject("SELECT merged_at IS NOT NULL FROM catalog_import WHERE id = ?",
				Boolean.class, id);
		if (Boolean.TRUE.equals(merged)) {
			return RepeatStatus.FINISHED;
		}
		// Fresh statistics: the staging table was empty when last analysed, and a plan
		// for an empty table joins a million rows in quadratic time. Only the columns
		// the checks join and filter on: the text and arrays were most of the work.
		this.jdbc.execute("ANALYZE catalog_import_row (import_id, row_number, source_key, alt_key, parent_key)");
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM catalog_import_error WHERE import_id = ? AND found_by = 'MERGE'", id);
			this.jdbc.update(DUPLICATES, id, id);
			this.jdbc.update(ORPHANS, id);
			this.jdbc.update(WITHOUT_IMAGE, id);
			this.imports.countSkipped(id);
		});
		String rejection = rejection(id);
		if (rejection != null) {
			// failed and its report recorded together: whoever sees it FAILED sees its
			// report (a reader polling over HTTP saw no report in between)
			this.transactions.executeWithoutResult((status) -> {
				oneMergeAtATime();
				clearStaging(id);
				this.imports.failed(id, rejection);
				this.reports.write(id);
			});
			ExpectedFailure.fail(contribution.getStepExecution(), new ImportRejectedException(rejection));
			return RepeatStatus.FINISHED;
		}
		// the report is recorded with the merge: whoever sees the import COMPLETED sees
		// its report
		try {
			this.transactions.executeWithoutResult((status) -> {
				oneMergeAtATime();
				merge(id);
				this.reports.write(id);
			});
		}
		catch (RemovalsUnconfirmed ex) {
			// rolled back whole, staging kept: a confirmed resume merges what was staged
			this.transactions.executeWithoutResult((status) -> {
				this.imports.failed(id, ex.getMessage());
				this.reports.write(id);
			});
			ExpectedFailure.fail(contribution.getStepExecution(), new ImportRejectedException(ex.getMessage()));
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * The hash of each product whose images its variations completed, by the same
	 * {@link ContentHash} as staging: one definition of what changes a product's imagery.
	 */
	private void rehashFolded(long id) {
		List<Object[]> hashes = new ArrayList<>();
		this.jdbc.query(FOLDED, (rs) -> {
			hashes.add(new Object[] {
					ContentHash.of(rs.getString("title"), rs.getString("description"), rs.getString("vendor"),
							rs.getString("product_type"), rs.getString("category"),
							List.of((String[]) rs.getArray("tags").getArray()), rs.getString("options"),
							List.of((String[]) rs.getArray("image_urls").getArray()), (Double) rs.getObject("size_cm")),
					id, rs.getLong("row_number") });
		}, id);
		this.jdbc.batchUpdate("UPDATE catalog_import_row SET content_hash = ? WHERE import_id = ? AND row_number = ?",
				hashes);
	}

	/** Why the import must import nothing, or null when it may go ahead. */
	private String rejection(long id) {
		long rows = this.jdbc.queryForObject("SELECT rows_read FROM catalog_import WHERE id = ?", Long.class, id);
		long skipped = this.jdbc.queryForObject("SELECT rows_skipped FROM catalog_import WHERE id = ?", Long.class, id);
		long products = goodProducts(id);
		if (products == 0) {
			return "none of the catalog's " + rows + " rows could be imported; nothing was imported";
		}
		return this.skipLimit.rejection(rows, skipped);
	}

	private void merge(long id) {
		String merchantId = this.catalogImport.merchantId();
		Boolean variations = this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM catalog_import_row WHERE import_id = ? AND parent_key IS NOT NULL)",
				Boolean.class, id);
		if (Boolean.TRUE.equals(variations)) {
			this.jdbc.update(FOLD_VARIATIONS, id, id, id);
			rehashFolded(id);
		}
		// merges take turns (oneMergeAtATime), so no other import adds products meanwhile
		boolean known = Boolean.TRUE.equals(this.jdbc
			.queryForObject("SELECT EXISTS (SELECT 1 FROM product WHERE merchant_id = ?)", Boolean.class, merchantId));
		long live = this.jdbc.queryForObject(
				"SELECT count(*) FROM product WHERE merchant_id = ? AND removed_at IS NULL AND NOT studio", Long.class,
				merchantId);
		long[] counts = known ? counts(id, merchantId) : new long[] { goodProducts(id), 0, 0 };
		// A first import has nothing to update or mark removed: a plain INSERT (333,334
		// products: 3.4-4.9 s where the upsert took 6.3 s on a 2-core machine).
		this.jdbc.update(known ? UPSERT : INSERT, merchantId, id, id);
		// a webhook's snapshot holds some products, not the catalog: the others stay; a
		// studio product (a photo sent for an on-demand generation) is never the
		// catalog's
		int removed = (!known || !this.catalogImport.wholeCatalog()) ? 0 : this.jdbc.update("""
				UPDATE product SET removed_at = now()
				WHERE merchant_id = ? AND removed_at IS NULL AND last_import_id <> ? AND NOT studio""", merchantId, id);
		String refusal = this.removalLimit.refusal(id, removed, live);
		if (refusal != null && !Boolean.TRUE.equals(this.jdbc
			.queryForObject("SELECT removals_confirmed FROM catalog_import WHERE id = ?", Boolean.class, id))) {
			throw new RemovalsUnconfirmed(refusal);
		}
		clearStaging(id);
		this.jdbc.update("""
				UPDATE catalog_import
				SET products_new = ?, products_changed = ?, products_same = ?, products_removed = ?,
				    merged_at = clock_timestamp(), status = 'COMPLETED', finished_at = clock_timestamp()
				WHERE id = ?""", counts[0], counts[1], counts[2], removed, id);
	}

	/** New, changed and unchanged products of a merchant with products already. */
	private long[] counts(long id, String merchantId) {
		return this.jdbc.queryForObject(COUNT,
				(rs, row) -> new long[] { rs.getLong("created"), rs.getLong("changed"), rs.getLong("same") },
				merchantId, id, id);
	}

	private long goodProducts(long id) {
		return this.jdbc.queryForObject("SELECT count(*) FROM catalog_import_row WHERE parent_key IS NULL AND " + GOOD,
				Long.class, id, id);
	}

	/**
	 * Makes concurrent merges (two runs' imports, an upload beside a nightly run) take
	 * their turn, for the rest of the transaction. Each merge reads the staging table and
	 * then locks it exclusively to clear it: two at once would each hold the read lock
	 * the other's exclusive lock waits for, and PostgreSQL would abort one as a deadlock.
	 */
	private void oneMergeAtATime() {
		this.jdbc.execute("SELECT pg_advisory_xact_lock(" + MERGE_LOCK + ")");
	}

	/**
	 * TRUNCATE when no other import is staging (instant, where DELETE rewrites every
	 * row), under a lock so that none can start staging in between.
	 */
	private void clearStaging(long id) {
		this.jdbc.execute("LOCK TABLE catalog_import_row IN ACCESS EXCLUSIVE MODE");
		Boolean others = this.jdbc
			.queryForObject("SELECT EXISTS (SELECT 1 FROM catalog_import_row WHERE import_id <> ?)", Boolean.class, id);
		if (Boolean.TRUE.equals(others)) {
			this.jdbc.update("DELETE FROM catalog_import_row WHERE import_id = ?", id);
		}
		else {
			this.jdbc.execute("TRUNCATE catalog_import_row");
		}
	}

	/**
	 * Removals over the limit that nobody confirmed: the merge's transaction rolls back.
	 */
	private static final class RemovalsUnconfirmed extends RuntimeException {

		RemovalsUnconfirmed(String message) {
			super(message, null, false, false);
		}

	}

}
