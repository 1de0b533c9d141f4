package com.prompt2pixel.models.remote;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Base64;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.Png;

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
	static byte[] keepProduct(byte[] png, CompositorGenerator.Composition composition, URI server) {
		BufferedImage image = Png.decode(png);
		BufferedImage scene = composition.scene();
		if (image.getWidth() != scene.getWidth() || image.getHeight() != scene.getHeight()) {
			throw new RemoteBackendException(server + " answered with a " + image.getWidth() + "x" + image.getHeight()
					+ " image for a " + scene.getWidth() + "x" + scene.getHeight() + " scene");
		}
		int width = scene.getWidth();
		int[] generated = image.getRGB(0, 0, width, scene.getHeight(), null, 0, width);
		byte[] rgb = new byte[generated.length * 3];
		for (int p = 0; p < generated.length; p++) {
			rgb[3 * p] = (byte) (generated[p] >> 16);
			rgb[3 * p + 1] = (byte) (generated[p] >> 8);
			rgb[3 * p + 2] = (byte) generated[p];
		}
		composition.overlayProduct(rgb);
		return Png.encodeRgb(rgb, width, scene.getHeight());
	}

	/**
	 * @return the image as PNG (re-encoded when the server sent another format)
	 * @throws RemoteBackendException when it is missing, not Base64 or not an image
	 */
	static byte[] png(String base64, URI server) {
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
		BufferedImage image;
		try {
			image = Png.decode(bytes);
		}
		catch (IllegalArgumentException ex) {
			throw new RemoteBackendException(
					server + " answered with bytes that are not a readable image (" + bytes.length + " bytes)", ex);
		}
		boolean isPng = bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N';
		return isPng ? bytes : Png.encode(image);
	}

}
