package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.system.ProductPhotos;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks one product's photo outside a catalog run: an on-demand generation fetches its
 * product's photo when it is planned, as a run's {@code checkPhotosStep} fetches each of
 * its products' once per run, and records its checksum on the product the same way. A
 * studio product's photo, sent with its generation, is the one stored then.
 */
@Component
public class ProductPhotoChecks {

	private final JdbcTemplate jdbc;

	private final ProductPhotos photos;

	ProductPhotoChecks(JdbcTemplate jdbc, ProductPhotos photos) {
		this.jdbc = jdbc;
		this.photos = photos;
	}

	/**
	 * Fetches, checks and stores the product's photo, at the address its last import
	 * resolved (held to that import's folder for an upload).
	 * @return the photo's hex SHA-256
	 * @throws ProductImageException when it cannot be fetched or is no usable image (the
	 * product keeps its last checked photo)
	 */
	public String check(long productId) {
		String[] product = this.jdbc.queryForObject(
				"SELECT merchant_id, image_url, CASE WHEN studio THEN image_sha256 END FROM product WHERE id = ?",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, productId);
		if (product[2] != null) {
			// a studio product's photo was sent, checked and stored; it has no address
			return product[2];
		}
		String sha256 = this.photos.fetch(product[0], product[1]);
		this.jdbc.update("UPDATE product SET image_sha256 = ? WHERE id = ?", sha256, productId);
		return sha256;
	}

}
