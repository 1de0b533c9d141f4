package com.prompt2pixel.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk of products by merchant and source key, and counts them as new, changed
 * or unchanged by their content hash.
 */
class ProductUpsertWriter implements ItemWriter<ProductDraft> {

	private static final String UPSERT = """
			INSERT INTO product (merchant_id, source_key, title, description, category, product_type, tags, vendor,
			                     image_url, image_sha256, content_hash, last_import_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (merchant_id, source_key) DO UPDATE
			SET title = excluded.title, description = excluded.description, category = excluded.category,
			    product_type = excluded.product_type, tags = excluded.tags, vendor = excluded.vendor,
			    image_url = excluded.image_url, image_sha256 = excluded.image_sha256,
			    content_hash = excluded.content_hash, last_import_id = excluded.last_import_id,
			    updated_at = CASE WHEN product.content_hash = excluded.content_hash THEN product.updated_at
			                      ELSE now() END""";

	private final JdbcTemplate jdbc;

	private final ImportCounts counts;

	private final String merchantId;

	private final long importId;

	ProductUpsertWriter(JdbcTemplate jdbc, ImportCounts counts, String merchantId, long importId) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.merchantId = merchantId;
		this.importId = importId;
	}

	@Override
	public void write(Chunk<? extends ProductDraft> chunk) {
		List<? extends ProductDraft> products = chunk.getItems();
		Map<String, String> knownHashes = knownHashes(products);
		int created = 0;
		int changed = 0;
		for (ProductDraft product : products) {
			String known = knownHashes.get(product.sourceKey());
			if (known == null) {
				created++;
			}
			else if (!known.equals(product.contentHash())) {
				changed++;
			}
		}
		this.jdbc.batchUpdate(UPSERT, products, products.size(), (statement, product) -> {
			statement.setString(1, this.merchantId);
			statement.setString(2, product.sourceKey());
			statement.setString(3, product.title());
			statement.setString(4, product.description());
			statement.setString(5, product.category());
			statement.setString(6, product.productType());
			statement.setArray(7, statement.getConnection().createArrayOf("text", product.tags().toArray()));
			statement.setString(8, product.vendor());
			statement.setString(9, product.imageUrl());
			statement.setString(10, product.imageSha256());
			statement.setString(11, product.contentHash());
			statement.setLong(12, this.importId);
		});
		this.counts.upserted(this.importId, created, changed, products.size() - created - changed);
	}

	private Map<String, String> knownHashes(List<? extends ProductDraft> products) {
		String[] keys = products.stream().map(ProductDraft::sourceKey).toArray(String[]::new);
		Map<String, String> hashes = new HashMap<>();
		this.jdbc.query("SELECT source_key, content_hash FROM product WHERE merchant_id = ? AND source_key = ANY (?)",
				(rs) -> {
					hashes.put(rs.getString(1), rs.getString(2));
				}, this.merchantId, keys);
		return hashes;
	}

}
