package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.models.Matte;
import com.prompt2pixel.system.ProductPhotos;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a product's primary photo, once per run: checked to decode and kept in the
 * image store by its SHA-256, which is part of every render's cache key; generation reads
 * those same bytes. A photo that cannot be fetched or decoded is a row problem; one the
 * cut-out will struggle with is a warning ({@link MatteCheck}).
 */
class PhotoCheckProcessor implements ItemProcessor<ProductPhoto, PhotoCheck> {

	private final ProductPhotos photos;

	private final String merchantId;

	private final MatteCheck matte;

	PhotoCheckProcessor(ProductPhotos photos, String merchantId, MatteCheck matte) {
		this.photos = photos;
		this.matte = matte;
		this.merchantId = merchantId;
	}

	@Override
	public PhotoCheck process(ProductPhoto product) {
		try {
			ProductPhotos.Checked photo = this.photos.fetchDecoded(this.merchantId, product.imageUrl());
			Matte cut = this.matte.of(photo.pixels());
			return new PhotoCheck(product.productId(), product.row(), photo.sha256(), null, cut.method(),
					cut.confidence(), MatteCheck.warning(cut));
		}
		catch (ProductImageException ex) {
			return PhotoCheck.unreadable(product.productId(), product.row(), ex.getMessage());
		}
	}

}
