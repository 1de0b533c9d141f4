package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PngTest {

	@Test
	void decodesToExactlyThePixelsEncoded() {
		// noise (nothing to compress) and sizes around the encoder's band of 16 rows
		for (int[] size : new int[][] { { 1, 1 }, { 37, 16 }, { 50, 17 }, { 129, 100 } }) {
			int width = size[0];
			int height = size[1];
			byte[] rgb = new byte[width * height * 3];
			new SplittableRandom(width * 31L + height).nextBytes(rgb);

			BufferedImage decoded = Png.decode(Png.encodeRgb(rgb, width, height));

			assertThat(decoded.getWidth()).isEqualTo(width);
			assertThat(decoded.getHeight()).isEqualTo(height);
			for (int p = 0; p < width * height; p++) {
				int expected = ((rgb[3 * p] & 0xFF) << 16) | ((rgb[3 * p + 1] & 0xFF) << 8) | (rgb[3 * p + 2] & 0xFF);
				assertThat(decoded.getRGB(p % width, p / width) & 0xFFFFFF).as("pixel %d of %dx%d", p, width, height)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void compressesASmoothImage() {
		int width = 512;
		int height = 512;
		byte[] rgb = new byte[width * height * 3];
		for (int i = 0; i < rgb.length; i++) {
			rgb[i] = (byte) (i * 255L / rgb.length);
		}

		byte[] png = Png.encodeRgb(rgb, width, height);

		assertThat(png.length).isLessThan(rgb.length / 50);
		assertThat(Png.decode(png).getRGB(511, 511) & 0xFFFFFF).isEqualTo(0xFEFEFE);
	}

	@Test
	void refusesPixelsThatDoNotMatchTheSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> Png.encodeRgb(new byte[10], 2, 2))
			.withMessageContaining("expected 12 bytes of RGB for 2x2, got 10");
	}

}
