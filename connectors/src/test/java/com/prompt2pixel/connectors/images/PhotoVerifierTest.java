package com.prompt2pixel.connectors.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoVerifierTest {

	@Test
	void shouldAcceptAPngAndAJpeg() throws IOException {
		assertThatCode(() -> PhotoVerifier.verify(encode("png", 64, 48))).doesNotThrowAnyException();
		assertThatCode(() -> PhotoVerifier.verify(encode("jpg", 64, 48))).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseATruncatedPng() throws IOException {
		byte[] png = encode("png", 300, 300);

		assertThatThrownBy(() -> PhotoVerifier.verify(Arrays.copyOf(png, png.length / 2)))
			.isInstanceOf(ProductImageException.class)
			.hasMessageStartingWith("not a readable image: ");
	}

	@Test
	void shouldRefuseBytesThatAreNoImage() {
		assertThatThrownBy(() -> PhotoVerifier.verify("<html>404</html>".getBytes()))
			.isInstanceOf(ProductImageException.class)
			.hasMessage("not an image in a format we read (PNG, JPEG, GIF or BMP); 16 bytes");
	}

	@Test
	void shouldRefuseAHugeImageFromItsHeaderAlone() throws IOException {
		byte[] png = encode("png", 1, 1);
		// IHDR's width and height (bytes 16-23), and its CRC over type and data (29-32)
		ByteBuffer header = ByteBuffer.wrap(png);
		header.putInt(16, 100_000).putInt(20, 100_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		header.putInt(29, (int) crc.getValue());

		assertThatThrownBy(() -> PhotoVerifier.verify(png)).isInstanceOf(ProductImageException.class)
			.hasMessage("image of 100000 x 100000 pixels; at most 25 megapixels are read");
	}

	private static byte[] encode(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, (x * 7919 + y * 104729) & 0xFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

}
