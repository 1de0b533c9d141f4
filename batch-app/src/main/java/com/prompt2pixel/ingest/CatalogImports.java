package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.util.Optional;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.merchant.Merchants;

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

	CatalogImports(JdbcTemplate jdbc, Merchants merchants, IngestProperties properties) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.properties = properties;
	}

	/** Records an import, and the merchant on first sight; {@code runId} may be null. */
	public long create(ImportRequest request, Long runId) {
		this.merchants.ensure(request.merchantId());
		Path file = request.file().toAbsolutePath().normalize();
		Path mapping = request.options().mapping();
		return this.jdbc.queryForObject("""
				INSERT INTO catalog_import (run_id, merchant_id, source, file_name, file_path, mapping_file, sheet)
				VALUES (?, ?, 'FILE', ?, ?, ?, ?)
				RETURNING id""", Long.class, runId, request.merchantId(), file.getFileName().toString(),
				file.toString(), (mapping != null) ? mapping.toAbsolutePath().normalize().toString() : null,
				request.options().sheet());
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
		this.jdbc.update("UPDATE catalog_import SET file_path = ? WHERE id = ?", snapshot.toString(), id);
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
				INSERT INTO catalog_import (merchant_id, source, scope, file_name, file_path)
				VALUES (?, 'SHOPIFY', 'PRODUCTS', ?, ?)
				RETURNING id""", Long.class, merchantId, file.getFileName().toString(), file.toString());
	}

	public Optional<CatalogImport> find(long id) {
		return this.jdbc.query("""
				SELECT id, merchant_id, file_path, mapping_file, sheet, status, shopify_read, scope
				FROM catalog_import WHERE id = ?""", (rs, row) -> {
			String mapping = rs.getString("mapping_file");
			return new CatalogImport(rs.getLong("id"), rs.getString("merchant_id"), Path.of(rs.getString("file_path")),
					new CatalogOptions((mapping != null) ? Path.of(mapping) : null, rs.getString("sheet")),
					rs.getString("status"), rs.getString("shopify_read"), "CATALOG".equals(rs.getString("scope")));
		}, id).stream().findFirst();
	}

	/**
	 * @throws IllegalArgumentException when there is no such import
	 */
	public CatalogImport get(long id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no catalog import with id " + id));
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

	void failed(long id, String message) {
		this.jdbc.update(
				"UPDATE catalog_import SET status = 'FAILED', message = ?, finished_at = clock_timestamp() WHERE id = ?",
				message, id);
	}

	void rowsRead(long id, long rows) {
		this.jdbc.update("UPDATE catalog_import SET rows_read = rows_read + ? WHERE id = ?", rows, id);
	}

	/** Keeps {@code rows_skipped} equal to the problems on record. */
	void countSkipped(long id) {
		this.jdbc.update("""
				UPDATE catalog_import
				SET rows_skipped = (SELECT count(*) FROM catalog_import_error WHERE import_id = ?)
				WHERE id = ?""", id, id);
	}

}
