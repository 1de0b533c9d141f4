package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.system.PhotoProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code catalog_import} rows: one per import, standalone or a run's.
 */
@Repository
public class CatalogImports {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final IngestProperties properties;

	private final Path localPhotoRoot;

	CatalogImports(JdbcTemplate jdbc, Merchants merchants, IngestProperties properties, PhotoProperties photos) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.properties = properties;
		this.localPhotoRoot = photos.localRootPath();
	}

	/** Records an import, and the merchant on first sight; {@code runId} may be null. */
	public long create(ImportRequest request, Long runId) {
		this.merchants.ensure(request.merchantId());
		Path file = request.file().toAbsolutePath().normalize();
		Path mapping = request.options().mapping();
		Path photoRoot = (request.photoRoot() != null) ? request.photoRoot().toAbsolutePath().normalize()
				: this.localPhotoRoot;
		return this.jdbc.queryForObject("""
				INSERT INTO catalog_import (run_id, merchant_id, source, file_name, file_path, mapping_file, sheet,
				                            photo_root)
				VALUES (?, ?, 'FILE', ?, ?, ?, ?, ?)
				RETURNING id""", Long.class, runId, request.merchantId(), file.getFileName().toString(),
				file.toString(), (mapping != null) ? mapping.toAbsolutePath().normalize().toString() : null,
				request.options().sheet(), photoRoot.toString());
	}

	/**
	 * Records an import of the merchant's Shopify shop: the first step reads the shop
	 * into {@code shopify-products.jsonl} in the import's folder, the rest import that.
	 */
	public long createShopify(String merchantId, String read) {
		this.merchants.ensure(merchantId);
		long id = this.jdbc.queryForObject("""
				INSERT INTO catalog_import (merchant_id, source, file_name, shopify_read)
				VALUES (?, 'SHOPIFY', 'shopify-products.jsonl', ?)
				RETURNING id""", Long.class, merchantId, read);
		Path snapshot = this.properties.reportsDir()
			.resolve(Long.toString(id))
			.resolve("shopify-products.jsonl")
			.toAbsolutePath()
			.normalize();
		// what Shopify sends is the merchant's input too: no local file is read for it
		this.jdbc.update("UPDATE catalog_import SET file_path = ?, photo_root = ? WHERE id = ?", snapshot.toString(),
				snapshot.getParent().toString(), id);
		return id;
	}

	/**
	 * Records an import of some of the merchant's Shopify products (a webhook's), from a
	 * snapshot already written: the products not in it stay as they are.
	 */
	public long createProducts(String merchantId, Path snapshot) {
		this.merchants.ensure(merchantId);
		Path file = snapshot.toAbsolutePath().normalize();
		return this.jdbc.queryForObject("""
				INSERT INTO catalog_import (merchant_id, source, scope, file_name, file_path, photo_root)
				VALUES (?, 'SHOPIFY', 'PRODUCTS', ?, ?, ?)
				RETURNING id""", Long.class, merchantId, file.getFileName().toString(), file.toString(),
				file.getParent().toString());
	}

	public Optional<CatalogImport> find(long id) {
		return this.jdbc.query("""
				SELECT id, merchant_id, file_path, mapping_file, sheet, status, shopify_read, scope, photo_root
				FROM catalog_import WHERE id = ?""", (rs, row) -> {
			String mapping = rs.getString("mapping_file");
			String photoRoot = rs.getString("photo_root");
			// none yet for a Shopify import before its snapshot, none at all for a studio
			// photo's
			String file = rs.getString("file_path");
			return new CatalogImport(rs.getLong("id"), rs.getString("merchant_id"),
					(file != null) ? Path.of(file) : null,
					new CatalogOptions((mapping != null) ? Path.of(mapping) : null, rs.getString("sheet")),
					rs.getString("status"), rs.getString("shopify_read"), "CATALOG".equals(rs.getString("scope")),
					(photoRoot != null) ? Path.of(photoRoot) : this.localPhotoRoot);
		}, id).stream().findFirst();
	}

	/**
	 * @throws IllegalArgumentException when there is no such import
	 */
	public CatalogImport get(long id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no catalog import with id " + id));
	}

	/**
	 * Puts a failed import back into the queue's waiting entries.
	 * @return whether it had failed
	 */
	boolean requeueFailed(long id) {
		return this.jdbc.update("""
				UPDATE catalog_import SET status = 'QUEUED', node_id = NULL WHERE id = ? AND status = 'FAILED'""",
				id) == 1;
	}

	/** Makes the import an entry of the import queue, for a node to take. */
	void enqueue(long id) {
		this.jdbc.update("UPDATE catalog_import SET queued_at = clock_timestamp() WHERE id = ?", id);
	}

	/**
	 * Takes the oldest waiting entry of the import queue for the node; two nodes never
	 * take the same one.
	 * @return its id, or null when none waits
	 */
	Long takeNext(String nodeId) {
		return this.jdbc.query("""
				UPDATE catalog_import SET node_id = ?
				WHERE id = (SELECT id FROM catalog_import
				            WHERE status = 'QUEUED' AND queued_at IS NOT NULL AND node_id IS NULL
				            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id""", (rs, row) -> rs.getLong(1), nodeId).stream().findFirst().orElse(null);
	}

	/**
	 * Takes that one waiting entry for the taker.
	 * @return whether it was waiting
	 */
	boolean take(long id, String taker) {
		return this.jdbc.update("""
				UPDATE catalog_import SET node_id = ?
				WHERE id = ? AND status = 'QUEUED' AND queued_at IS NOT NULL AND node_id IS NULL""", taker, id) == 1;
	}

	/**
	 * Queue entries taken by nodes that stopped or have not heartbeated for
	 * {@code deadAfter} (the cluster's {@code node} table tells), and not finished.
	 * @return import id and the dead node, each
	 */
	List<Map.Entry<Long, String>> orphans(Duration deadAfter) {
		return this.jdbc.query("""
				SELECT i.id, i.node_id FROM catalog_import i JOIN node n ON n.id = i.node_id
				WHERE i.queued_at IS NOT NULL AND i.status IN ('QUEUED', 'RUNNING')
				  AND (n.stopped_at IS NOT NULL OR n.heartbeat_at < now() - make_interval(secs => ?))
				ORDER BY i.queued_at, i.id""", (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)),
				deadAfter.toMillis() / 1000.0);
	}

	/** Takes a dead node's entry over; only one live node can. */
	boolean adopt(long id, String deadNode, String nodeId) {
		return this.jdbc.update("""
				UPDATE catalog_import SET node_id = ?
				WHERE id = ? AND node_id = ? AND status IN ('QUEUED', 'RUNNING')""", nodeId, id, deadNode) == 1;
	}

	/**
	 * @param imageColumn the merchant's name of the column photos come from, for problems
	 * found with them
	 */
	void started(long id, String format, String imageColumn) {
		this.jdbc.update("""
				UPDATE catalog_import SET status = 'RUNNING', format = ?, image_column = ?,
				       started_at = coalesce(started_at, now()), finished_at = NULL, message = NULL
				WHERE id = ?""", format, imageColumn, id);
	}

	/**
	 * The merchant's name of the column photos come from, once the file has been opened.
	 */
	String imageColumn(long id) {
		String column = this.jdbc.queryForObject("SELECT image_column FROM catalog_import WHERE id = ?", String.class,
				id);
		return (column != null) ? column : "image";
	}

	/** Someone confirmed the products the import marks removed, however many. */
	void confirmRemovals(long id) {
		this.jdbc.update("UPDATE catalog_import SET removals_confirmed = true WHERE id = ?", id);
	}

	/**
	 * What the import's report says beside its counts; kept when a resumed import starts
	 * again, since its snapshot was read that way.
	 */
	void note(long id, String note) {
		this.jdbc.update("UPDATE catalog_import SET note = ? WHERE id = ?", note, id);
	}

	/**
	 * When the merchant's shop was last read in full from the API by an import that has
	 * not failed; null when never.
	 */
	java.time.Instant lastShopRead(String merchantId) {
		java.sql.Timestamp read = this.jdbc.queryForObject("""
				SELECT max(started_at) FROM catalog_import
				WHERE merchant_id = ? AND shopify_read IS NOT NULL AND scope = 'CATALOG' AND status <> 'FAILED'""",
				java.sql.Timestamp.class, merchantId);
		return (read != null) ? read.toInstant() : null;
	}

	void failed(long id, String message) {
		this.jdbc.update(
				"UPDATE catalog_import SET status = 'FAILED', message = ?, finished_at = clock_timestamp() WHERE id = ?",
				message, id);
	}

	void rowsRead(long id, long rows) {
		this.jdbc.update("UPDATE catalog_import SET rows_read = rows_read + ? WHERE id = ?", rows, id);
	}

	/**
	 * Keeps {@code rows_skipped} equal to the problems on record (warnings skip nothing).
	 */
	void countSkipped(long id) {
		this.jdbc.update("""
				UPDATE catalog_import
				SET rows_skipped = (SELECT count(*) FROM catalog_import_error WHERE import_id = ? AND NOT warning)
				WHERE id = ?""", id, id);
	}

}
