package com.prompt2pixel.ingest;

import java.net.URI;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.templates.Sha256;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a product's primary photo and hashes its bytes: the photo's checksum is part of
 * every render's cache key, so a new photo at the same address is rendered again.
 */
class PhotoCheckProcessor implements ItemProcessor<ProductPhoto, PhotoCheck> {

	private final ProductImageSource images;

	PhotoCheckProcessor(ProductImageSource images) {
		this.images = images;
	}

	@Override
	public PhotoCheck process(ProductPhoto product) {
		try {
			byte[] photo = this.images.load(URI.create(product.imageUrl()));
			return new PhotoCheck(product.productId(), product.row(), Sha256.hex(photo), null);
		}
		catch (ProductImageException | IllegalArgumentException ex) {
			return new PhotoCheck(product.productId(), product.row(), null, ex.getMessage());
		}
	}

}
