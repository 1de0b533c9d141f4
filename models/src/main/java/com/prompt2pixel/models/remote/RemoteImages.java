package com.prompt2pixel.models.remote;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Base64;

import com.prompt2pixel.models.Png;

/**
 * Images as remote backends return them: Base64 in JSON. Each is decoded and checked to
 * be a whole, readable image before anything may store it.
 */
final class RemoteImages {

	private RemoteImages() {
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
