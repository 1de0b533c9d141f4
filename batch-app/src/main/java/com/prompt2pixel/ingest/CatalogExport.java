package com.prompt2pixel.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.prompt2pixel.connectors.io.TableFile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The merchant's catalog as the system understood it: one row per product still in its
 * source, in catalog order, as CSV or XLSX.
 */
@Component
public class CatalogExport {

	static final List<String> HEADER = List.of("source_key", "title", "description", "vendor", "product_type",
			"category", "tags", "options", "variant_count", "price", "dimensions", "image_urls", "content_hash");

	private final JdbcTemplate jdbc;

	CatalogExport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the file atomically.
	 * @return the number of products written
	 * @throws IllegalArgumentException for an unknown merchant or a name that is neither
	 * .csv nor .xlsx
	 */
	public long export(String merchantId, Path out) {
		Integer known = this.jdbc.queryForObject("SELECT count(*) FROM merchant WHERE id = ?", Integer.class,
				merchantId);
		if (known == null || known == 0) {
			throw new IllegalArgumentException("no merchant '" + merchantId + "'");
		}
		long[] count = { 0 };
		try (TableFile table = TableFile.create(out, HEADER)) {
			this.jdbc.query("""
					SELECT source_key, title, description, vendor, product_type, category, tags, options, variant_count,
					       price, size_cm, image_urls, content_hash
					FROM product WHERE merchant_id = ? AND removed_at IS NULL AND NOT studio
					ORDER BY source_row NULLS LAST, id""", (rs) -> {
				table.add(Arrays.asList(rs.getString("source_key"), rs.getString("title"), rs.getString("description"),
						rs.getString("vendor"), rs.getString("product_type"), rs.getString("category"),
						String.join(", ", (String[]) rs.getArray("tags").getArray()), rs.getString("options"),
						rs.getInt("variant_count"), rs.getBigDecimal("price"),
						dimensions((Double) rs.getObject("size_cm")),
						String.join(" ", (String[]) rs.getArray("image_urls").getArray()),
						rs.getString("content_hash")));
				count[0]++;
			}, merchantId);
			table.commit();
		}
		return count[0];
	}

	/**
	 * The stated size in the form a catalog's dimensions column takes ({@code 24 cm}).
	 */
	private static String dimensions(Double sizeCm) {
		return (sizeCm == null) ? null : BigDecimal.valueOf(sizeCm).stripTrailingZeros().toPlainString() + " cm";
	}

}
