package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import com.prompt2pixel.system.EmbeddedDatabase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports a catalog on its own, without a run: {@code catalogImportJob}, for a file or
 * the merchant's Shopify shop. The CLI waits for the import; HTTP requests queue it in
 * the database ({@link ImportQueue}) and answer at once.
 */
@Service
public class CatalogImportService {

	private final ImportJobs jobs;

	private final CatalogImports imports;

	private final JdbcTemplate jdbc;

	private final ShopifyConnections shopify;

	private final ImportQueue queue;

	private final boolean exclusiveDatabase;

	CatalogImportService(ImportJobs jobs, CatalogImports imports, JdbcTemplate jdbc, ShopifyConnections shopify,
			ImportQueue queue, ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
		this.jobs = jobs;
		this.imports = imports;
		this.jdbc = jdbc;
		this.shopify = shopify;
		this.queue = queue;
		EmbeddedDatabase embedded = embeddedDatabase.getIfAvailable();
		this.exclusiveDatabase = embedded != null && embedded.exclusive();
	}

	/**
	 * Checks the request, records the import and runs it to its end.
	 * @throws InvalidImportRequestException when the file cannot be imported at all
	 * (nothing is written)
	 */
	public ImportSummary start(ImportRequest request) {
		return start(request, (id) -> {
		});
	}

	/**
	 * The same, telling {@code onRecorded} the import's id once it is recorded, before it
	 * runs (the CLI's progress bar follows the import by it).
	 */
	public ImportSummary start(ImportRequest request, LongConsumer onRecorded) {
		request.check();
		long id = this.imports.create(request, null);
		onRecorded.accept(id);
		return execute(id);
	}

	/**
	 * Reads the merchant's Shopify shop and imports its products, to the end.
	 * @param read {@code AUTO}, {@code PAGED} or {@code BULK}
	 * @throws InvalidImportRequestException when the merchant has no shop connected or
	 * its token is missing (nothing is written)
	 */
	public ImportSummary startShopify(String merchantId, String read) {
		return startShopify(merchantId, read, (id) -> {
		});
	}

	/** The same, telling {@code onRecorded} the import's id before it runs. */
	public ImportSummary startShopify(String merchantId, String read, LongConsumer onRecorded) {
		this.shopify.shop(merchantId);
		long id = this.imports.createShopify(merchantId, read);
		onRecorded.accept(id);
		return execute(id);
	}

	/**
	 * Checks the request, records the import and queues it (in the database: it is
	 * imported even if this process dies now).
	 * @return the import's id
	 * @throws InvalidImportRequestException when the file cannot be imported at all
	 * (nothing is written)
	 */
	public long queue(ImportRequest request) {
		request.check();
		long id = this.imports.create(request, null);
		this.queue.enqueue(id);
		return id;
	}

	/**
	 * Queues the import of some of the merchant's products from a snapshot (a webhook's);
	 * the merchant's other products stay as they are.
	 * @return the import's id
	 */
	public long queueProducts(String merchantId, Path snapshot) {
		long id = this.imports.createProducts(merchantId, snapshot);
		this.queue.enqueue(id);
		return id;
	}

	/**
	 * Restarts a failed import as the same job instance: staging carries on after its
	 * last committed batch, and a merge that had committed is not done again. An import
	 * whose process was killed is recovered first, when this process owns the database.
	 * @throws IllegalArgumentException when there is no such import, it completed, or it
	 * is marked as running on a shared database
	 */
	/**
	 * Resumes an import whose merge waits for its removals to be confirmed, confirming
	 * them.
	 */
	public ImportSummary resumeConfirmingRemovals(long id) {
		this.imports.get(id);
		this.imports.confirmRemovals(id);
		return resume(id);
	}

	public ImportSummary resume(long id) {
		CatalogImport catalogImport = this.imports.get(id);
		if (ImportStatus.COMPLETED.is(catalogImport.status())) {
			throw new IllegalArgumentException("import " + id + " is already complete");
		}
		if (this.jobs.isMarkedRunning(id)) {
			if (!this.exclusiveDatabase) {
				throw new IllegalArgumentException(
						"import " + id + " is marked as running; another process may be executing it");
			}
			this.jobs.recoverAbandoned(id);
		}
		return execute(id);
	}

	private ImportSummary execute(long id) {
		this.jobs.execute(id);
		return summary(id).orElseThrow();
	}

	/**
	 * Completed imports of whole catalogs, of every merchant, newest first: what a run
	 * can be started from ({@code RunQueue.submitImport}).
	 */
	public List<RunnableCatalog> runnableCatalogs(int limit) {
		return this.jdbc.query(
				"""
						SELECT id, merchant_id, file_name, products_new + products_changed + products_same AS products, created_at
						FROM catalog_import
						WHERE status = 'COMPLETED' AND scope = 'CATALOG' AND file_removed_at IS NULL
						ORDER BY id DESC LIMIT ?""",
				(rs, row) -> new RunnableCatalog(rs.getLong("id"), rs.getString("merchant_id"),
						rs.getString("file_name"), rs.getLong("products"), rs.getTimestamp("created_at").toInstant()),
				limit);
	}

	/** A completed import of a merchant's whole catalog. */
	public record RunnableCatalog(long id, String merchant, String fileName, long products, Instant importedAt) {
	}

	/** The merchant's latest imports, newest first. */
	public List<ImportSummary> recent(String merchantId, int limit) {
		return this.jdbc
			.queryForList("SELECT id FROM catalog_import WHERE merchant_id = ? ORDER BY id DESC LIMIT ?", Long.class,
					merchantId, limit)
			.stream()
			.map((id) -> summary(id).orElseThrow())
			.toList();
	}

	/** The merchant whose import this is; empty when there is no such import. */
	public Optional<String> merchantOf(long id) {
		return this.jdbc.queryForList("SELECT merchant_id FROM catalog_import WHERE id = ?", String.class, id)
			.stream()
			.findFirst();
	}

	public Optional<ImportSummary> summary(long id) {
		return this.jdbc
			.query("""
					SELECT id, status, format, rows_read, products_new, products_changed, products_same, products_removed,
					       rows_skipped, error_report, message, note,
					       (extract(epoch FROM coalesce(finished_at, now()) - created_at) * 1000)::bigint
					           AS elapsed_ms
					FROM catalog_import WHERE id = ?""",
					(rs, row) -> new ImportSummary(rs.getLong("id"), rs.getString("status"), rs.getString("format"),
							rs.getLong("rows_read"),
							rs.getLong("products_new") + rs.getLong("products_changed") + rs.getLong("products_same"),
							rs.getLong("products_new"), rs.getLong("products_changed"), rs.getLong("products_same"),
							rs.getLong("products_removed"), rs.getLong("rows_skipped"), rs.getString("error_report"),
							rs.getLong("elapsed_ms"), rs.getString("message"), rs.getString("note")),
					id)
			.stream()
			.findFirst();
	}

}
