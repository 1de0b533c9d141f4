package com.prompt2pixel.connectors.publish;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImageEncoderTest {

	@Test
	void shouldEncodeEachFormatSoThatItReadsBackAsTheSameImage() throws IOException {
		byte[] png = png(scene(640, 480, true));

		for (ImageFormat format : ImageFormat.values()) {
			byte[] encoded = ImageEncoder.encode(png, new ImageEncoder.Settings(format, 0.9f, 0));
			BufferedImage read = ImageIO.read(new ByteArrayInputStream(encoded));

			assertThat(read).as(format.name()).isNotNull();
			assertThat(read.getWidth()).isEqualTo(640);
			assertThat(read.getHeight()).isEqualTo(480);
			assertThat(new Color(read.getRGB(320, 240)).getRed()).as(format + ": the red block").isGreaterThan(200);
		}
		assertThat(ImageEncoder.encode(png, new ImageEncoder.Settings(ImageFormat.WEBP, 0.8f, 0))).startsWith('R', 'I',
				'F', 'F');
	}

	@Test
	void shouldTurnTransparencyWhiteInAJpegAndKeepItInAPng() throws IOException {
		byte[] png = png(scene(100, 100, true));

		BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(
				ImageEncoder.encode(png, new ImageEncoder.Settings(ImageFormat.JPEG, 0.95f, 0))));
		BufferedImage kept = ImageIO
			.read(new ByteArrayInputStream(ImageEncoder.encode(png, ImageEncoder.Settings.png())));

		assertThat(new Color(jpeg.getRGB(2, 2))).as("the transparent corner on a page").satisfies((corner) -> {
			assertThat(corner.getRed()).isGreaterThan(245);
			assertThat(corner.getBlue()).isGreaterThan(245);
		});
		assertThat(kept.getColorModel().hasAlpha()).isTrue();
		assertThat(new Color(kept.getRGB(2, 2), true).getAlpha()).isZero();
	}

	@Test
	void shouldScaleDownToTheLongestEdgeAndToTwentyMegapixelsButNeverUp() {
		BufferedImage wide = scene(2000, 1000, false);

		assertThat(ImageEncoder.resized(wide, 1024)).satisfies((image) -> {
			assertThat(image.getWidth()).isEqualTo(1024);
			assertThat(image.getHeight()).isEqualTo(512);
		});
		assertThat(ImageEncoder.resized(wide, 4096)).isSameAs(wide);
		double capped = ImageEncoder.scale(6000, 5000, 0);
		long pixels = (long) Math.floor(6000 * capped) * (long) Math.floor(5000 * capped);
		assertThat(pixels).as("Shopify's limit")
			.isLessThanOrEqualTo(ImageEncoder.MAX_PIXELS)
			.isGreaterThan(19_990_000L);
		assertThat(ImageEncoder.scale(6000, 5000, 2048)).as("the edge first").isEqualTo(2048 / 6000.0);
		assertThat(ImageEncoder.scale(800, 600, 0)).isEqualTo(1.0);
	}

	@Test
	void shouldRefuseWhatItCannotEncode() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImageEncoder.encode("text".getBytes(), ImageEncoder.Settings.png()))
			.withMessage("the image is in no format ImageIO reads");
		assertThatIllegalArgumentException().isThrownBy(() -> ImageFormat.of("gif"))
			.withMessage("image format 'gif' is not one of png, jpeg, webp");
		assertThatIllegalArgumentException().isThrownBy(() -> new ImageEncoder.Settings(ImageFormat.JPEG, 1.5f, 0))
			.withMessage("image quality must be above 0 and at most 1, was 1.5");
	}

	/** A red block on blue, with transparent corners when asked. */
	private static BufferedImage scene(int width, int height, boolean transparentCorners) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 60, 200));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(230, 20, 20));
		graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		if (transparentCorners) {
			for (int y = 0; y < 5; y++) {
				for (int x = 0; x < 5; x++) {
					image.setRGB(x, y, 0);
				}
			}
		}
		return image;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
