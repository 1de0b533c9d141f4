package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundKeyerTest {

	@Test
	void shouldRemoveAPlainBackgroundAndCropToTheProduct() {
		BufferedImage cutout = cutOut(TestPhotos.redRingOnWhite());

		assertThat(cutout.getWidth()).isBetween(118, 122);
		assertThat(cutout.getHeight()).isBetween(118, 122);
		assertThat(alpha(cutout, 2, 2)).as("corner outside the ring").isZero();
		assertThat(alpha(cutout, 20, 60)).as("on the ring").isEqualTo(255);
	}

	@Test
	void shouldReopenTheBackdropSeenThroughAHoleInTheProduct() {
		BufferedImage cutout = cutOut(TestPhotos.redRingOnWhite());
		int centre = cutout.getRGB(cutout.getWidth() / 2, cutout.getHeight() / 2);

		assertThat(centre >>> 24).as("the ring's hole").isZero();
	}

	@Test
	void shouldKeepASmallBackdropColouredHighlightInsideTheProduct() {
		BufferedImage photo = TestPhotos.redRingOnWhite();
		Graphics2D g = photo.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(50, 95, 2, 2);
		g.dispose();

		assertThat(alpha(cutOut(photo), 11, 56)).as("a glint on the ring").isEqualTo(255);
	}

	@Test
	void shouldLeaveAPhotoWithABusyBackgroundOpaque() {
		BufferedImage busy = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 50; y++) {
			for (int x = 0; x < 50; x++) {
				busy.setRGB(x, y, ((x * 5) << 16) | ((y * 5) << 8) | ((x + y) * 2));
			}
		}

		BufferedImage cutout = cutOut(busy);

		assertThat(cutout.getWidth()).isEqualTo(50);
		assertThat(alpha(cutout, 0, 0)).isEqualTo(255);
	}

	@Test
	void shouldRefuseAPhotoThatIsAllBackground() {
		assertThatThrownBy(() -> cutOut(TestPhotos.uniform(Color.WHITE))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no visible pixels");
	}

	private static BufferedImage cutOut(BufferedImage photo) {
		return new KeyerMatte().matte(photo).cutOut(photo).product();
	}

	private static int alpha(BufferedImage image, int x, int y) {
		return image.getRGB(x, y) >>> 24;
	}

}
