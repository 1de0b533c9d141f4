package com.prompt2pixel.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.prompt2pixel.system.LikePattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What the studio and the catalogs page pick from: the merchants, a merchant's products
 * found by title or key, and the latest images made of them. Reads only.
 */
@Component
class ProductSearch {

	/** Products a search shows. */
	static final int FOUND = 20;

	/** A product as {@link #product} reads it; a condition follows. */
	private static final String PRODUCT = "SELECT id, merchant_id, source_key, title, category, image_sha256, image_url FROM product ";

	private final JdbcTemplate jdbc;

	ProductSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every merchant. */
	List<String> allMerchants() {
		return this.jdbc.queryForList("SELECT id FROM merchant ORDER BY id", String.class);
	}

	/**
	 * The latest images made of each product (rendered or reused, not failed), at most
	 * {@code each} per product, newest first.
	 */
	Map<Long, List<Long>> latestImages(List<Long> productIds, int each) {
		Map<Long, List<Long>> images = new LinkedHashMap<>();
		if (productIds.isEmpty()) {
			return images;
		}
		this.jdbc.query("""
				SELECT product_id, id FROM (
				    SELECT product_id, id, row_number() OVER (PARTITION BY product_id ORDER BY id DESC) AS n
				    FROM render_task WHERE product_id = ANY (?) AND image_key IS NOT NULL) latest
				WHERE n <= ? ORDER BY product_id, id DESC""",
				(RowCallbackHandler) (rs) -> images.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(rs.getLong(2)),
				productIds.toArray(Long[]::new), each);
		return images;
	}

	/** The merchants that have products. */
	List<String> merchants() {
		return this.jdbc.queryForList("""
				SELECT m.id FROM merchant m
				WHERE EXISTS (SELECT 1 FROM product p WHERE p.merchant_id = m.id AND p.removed_at IS NULL)
				ORDER BY m.id""", String.class);
	}

	/** The merchant's products whose title or key holds the text (all: an empty text). */
	List<Product> search(String merchant, String text) {
		String pattern = LikePattern.containing(text);
		return this.jdbc.query(PRODUCT + """
				WHERE merchant_id = ? AND removed_at IS NULL AND (title ILIKE ? OR source_key ILIKE ?)
				ORDER BY title, source_key LIMIT ?""", ProductSearch::product, merchant, pattern, pattern, FOUND);
	}

	Optional<Product> find(long id) {
		return this.jdbc.query(PRODUCT + "WHERE id = ?", ProductSearch::product, id).stream().findFirst();
	}

	Optional<Product> find(String merchant, String key) {
		return this.jdbc
			.query(PRODUCT + "WHERE merchant_id = ? AND source_key = ? AND removed_at IS NULL", ProductSearch::product,
					merchant, key)
			.stream()
			.findFirst();
	}

	private static Product product(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Product(rs.getLong("id"), rs.getString("merchant_id"), rs.getString("source_key"),
				rs.getString("title"), rs.getString("category"), rs.getString("image_sha256"),
				rs.getString("image_url"));
	}

	/**
	 * A product as the studio shows it.
	 *
	 * @param photoSha256 its checked photo's hash, or null before a run or an import
	 * checked it
	 */
	record Product(long id, String merchant, String key, String title, String category, String photoSha256,
			String photoUrl) {
	}

}
