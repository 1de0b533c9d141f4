package com.prompt2pixel.models.remote;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Base64;

import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.SceneComposer;

/**
 * Images as remote backends return them: Base64 in JSON. Each is decoded and checked to
 * be a whole, readable image before anything may store it.
 */
final class RemoteImages {

	private RemoteImages() {
	}

	/**
	 * The server's image with the product's own pixels laid back over it through its
	 * soft-edged mask: whatever the server did, the product stays the product.
	 * @throws RemoteBackendException when the server's image is not of the scene's size
	 */
	static RgbImage keepProduct(RgbImage image, SceneComposer.Composition composition, URI server) {
		BufferedImage scene = composition.scene();
		if (image.width() != scene.getWidth() || image.height() != scene.getHeight()) {
			throw new RemoteBackendException(server + " answered with a " + image.width() + "x" + image.height()
					+ " image for a " + scene.getWidth() + "x" + scene.getHeight() + " scene");
		}
		composition.overlayProduct(image.rgb());
		return image;
	}

	/**
	 * @return the image's pixels, whatever format the server sent
	 * @throws RemoteBackendException when it is missing, not Base64 or not an image
	 */
	static RgbImage pixels(String base64, URI server) {
		if (base64 == null || base64.isBlank()) {
			throw new RemoteBackendException(server + " answered without an image");
		}
		String data = base64.strip();
		int comma = data.startsWith("data:") ? data.indexOf(',') : -1;
		byte[] bytes;
		try {
			bytes = Base64.getMimeDecoder().decode(data.substring(comma + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new RemoteBackendException(server + " answered with an image that is not Base64", ex);
		}
		try {
			return RgbImage.of(Png.decode(bytes));
		}
		catch (IllegalArgumentException ex) {
			throw new RemoteBackendException(
					server + " answered with bytes that are not a readable image (" + bytes.length + " bytes)", ex);
		}
	}

}
