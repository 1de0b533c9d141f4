package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.system.ProductPhotos;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos a merchant sends for an on-demand generation instead of naming a product of its
 * catalog. Each becomes a studio product: keyed by its photo's checksum (the same photo
 * sent twice is one product), made by an import of its own (source {@code STUDIO}), and
 * never part of the catalog (a catalog's import neither counts nor removes it; exports
 * leave it out).
 */
@Component
public class StudioPhotos {

	/** The largest photo taken, as for a catalog's photos. */
	public static final int MAX_BYTES = ProductImageSource.MAX_BYTES;

	/** The prefix of a studio product's key. */
	public static final String KEY_PREFIX = "studio-";

	private final JdbcTemplate jdbc;

	private final ProductPhotos photos;

	StudioPhotos(JdbcTemplate jdbc, ProductPhotos photos) {
		this.jdbc = jdbc;
		this.photos = photos;
	}

	/**
	 * Checks and stores the photo, and makes (or, for a photo sent before, renames) its
	 * studio product.
	 * @param title what the photo shows, for prompts that name the product
	 * @return the studio product's key
	 * @throws ProductImageException when the photo is not a usable image
	 */
	@Transactional
	public String add(String merchantId, byte[] photo, String title) {
		String sha256 = this.photos.keep(merchantId, photo);
		String key = KEY_PREFIX + sha256.substring(0, 12);
		long importId = this.jdbc.queryForObject("""
				INSERT INTO catalog_import (merchant_id, source, scope, file_name, status, rows_read, products_new,
				                            merged_at, started_at, finished_at)
				VALUES (?, 'STUDIO', 'PRODUCTS', 'studio photo', 'COMPLETED', 1, 1, now(), now(), now())
				RETURNING id""", Long.class, merchantId);
		this.jdbc.update("""
				INSERT INTO product (merchant_id, source_key, title, description, category, vendor, image_url,
				                     image_urls, content_hash, image_sha256, last_import_id, studio)
				VALUES (?, ?, ?, '', '', '', ?, ARRAY[?], ?, ?, ?, true)
				ON CONFLICT (merchant_id, source_key) DO UPDATE
				SET title = excluded.title, last_import_id = excluded.last_import_id, removed_at = NULL,
				    updated_at = now()
				WHERE product.studio""", merchantId, key, title, "studio:" + sha256, "studio:" + sha256, sha256, sha256,
				importId);
		return key;
	}

}
