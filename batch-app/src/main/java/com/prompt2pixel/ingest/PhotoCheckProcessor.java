package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.system.ProductPhotos;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a product's primary photo, once per run: checked to decode and kept in the
 * image store by its SHA-256, which is part of every render's cache key; generation reads
 * those same bytes. A photo that cannot be fetched or decoded is a row problem.
 */
class PhotoCheckProcessor implements ItemProcessor<ProductPhoto, PhotoCheck> {

	private final ProductPhotos photos;

	private final String merchantId;

	PhotoCheckProcessor(ProductPhotos photos, String merchantId) {
		this.photos = photos;
		this.merchantId = merchantId;
	}

	@Override
	public PhotoCheck process(ProductPhoto product) {
		try {
			String sha256 = this.photos.fetch(this.merchantId, product.imageUrl());
			return new PhotoCheck(product.productId(), product.row(), sha256, null);
		}
		catch (ProductImageException ex) {
			return new PhotoCheck(product.productId(), product.row(), null, ex.getMessage());
		}
	}

}
