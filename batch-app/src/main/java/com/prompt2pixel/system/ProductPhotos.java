package com.prompt2pixel.system;

import java.awt.image.BufferedImage;
import java.net.URI;

import com.prompt2pixel.connectors.images.PhotoVerifier;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.connectors.store.ImageNotFoundException;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.templates.Sha256;

import org.springframework.stereotype.Component;

/**
 * Product photos, fetched once per run: {@code checkPhotosStep} reads each photo from its
 * address, checks it decodes and keeps the bytes in the image store under their SHA-256;
 * generation reads them back by that hash. The render cache key and the pixels therefore
 * come from the same bytes, and a photo that changes at its address gets a new hash, a
 * new cache key and new renders.
 */
@Component
public class ProductPhotos {

	private final ProductImageSource source;

	private final ImageStore store;

	ProductPhotos(ProductImageSource source, ImageStore store) {
		this.source = source;
		this.store = store;
	}

	/**
	 * Fetches the photo, checks it and stores it.
	 * @return the hex SHA-256 of its bytes
	 * @throws ProductImageException when it cannot be fetched or is not a usable image
	 */
	public String fetch(String merchantId, String url) {
		return fetchDecoded(merchantId, url).sha256();
	}

	/**
	 * Fetches the photo, checks it and stores it, and gives its pixels as the check
	 * decoded them (an import judges the cut-out on them without decoding or reading it
	 * again).
	 * @throws ProductImageException when it cannot be fetched or is not a usable image
	 */
	public Checked fetchDecoded(String merchantId, String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new ProductImageException("not a valid image URL or path: '" + url + "'", ex);
		}
		return checked(merchantId, this.source.load(uri));
	}

	/**
	 * Checks a photo the merchant sent and stores it.
	 * @return the hex SHA-256 of its bytes
	 * @throws ProductImageException when it is not a usable image
	 */
	public String keep(String merchantId, byte[] photo) {
		return checked(merchantId, photo).sha256();
	}

	private Checked checked(String merchantId, byte[] photo) {
		if (photo.length > ProductImageSource.MAX_BYTES) {
			throw new ProductImageException(
					"the photo is larger than " + ProductImageSource.MAX_BYTES / (1024 * 1024) + " MB");
		}
		BufferedImage pixels = PhotoVerifier.decode(photo);
		String sha256 = Sha256.hex(photo);
		this.store.put(key(merchantId, sha256), photo);
		return new Checked(sha256, pixels);
	}

	/**
	 * A photo checked and stored.
	 *
	 * @param sha256 the hex SHA-256 of its bytes, its key in the store
	 * @param pixels the photo as the check decoded it
	 */
	public record Checked(String sha256, BufferedImage pixels) {
	}

	/**
	 * The photo stored under that hash. Only when the store lacks it (a run checked
	 * before photos were kept, a store emptied by hand) is it fetched from its address
	 * again, and then used only if its bytes still have that hash.
	 * @throws ProductImageException when neither the store nor the address has those
	 * bytes
	 */
	public byte[] stored(String merchantId, String sha256, String url) {
		try {
			return this.store.get(key(merchantId, sha256));
		}
		catch (ImageNotFoundException ex) {
			byte[] photo = this.source.load(URI.create(url));
			if (!Sha256.hex(photo).equals(sha256)) {
				throw new ProductImageException(
						"the photo at " + url + " changed since the import checked it; import the catalog again", ex);
			}
			this.store.put(key(merchantId, sha256), photo);
			return photo;
		}
	}

	/** Per merchant: no merchant's run reads another's photos, even of equal bytes. */
	private static String key(String merchantId, String sha256) {
		return merchantId + "/photos/" + sha256;
	}

}
