package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositorGeneratorTest {

	private static final SceneStyle KITCHEN = SceneStyle.of(List.of("#f3e6cf", "#e2c9a2", "#b98b5a"), 0.5);

	private final CompositorGenerator compositor = new CompositorGenerator();

	private final byte[] ring = Png.encode(TestPhotos.redRingOnWhite());

	@Test
	void shouldRenderOneImageOfTheRequestedSizePerRequestInOrder() {
		List<GeneratedImage> images = this.compositor.generate(List.of(request(1, 320, 240), request(2, 256, 256)));

		assertThat(images).hasSize(2);
		assertThat(images.get(0).pixels().width()).isEqualTo(320);
		assertThat(images.get(0).pixels().height()).isEqualTo(240);
		assertThat(images.get(1).pixels().width()).isEqualTo(256);
	}

	@Test
	void shouldNeverClaimToBeGenerative() {
		GeneratedImage image = this.compositor.generate(List.of(request(1, 64, 64))).get(0);

		assertThat(this.compositor.generative()).isFalse();
		assertThat(image.generative()).isFalse();
		assertThat(image.backend()).isEqualTo("compositor");
	}

	@Test
	void shouldReproduceAnImageFromItsSeedAndVaryWithTheSeed() {
		RgbImage first = this.compositor.generate(List.of(request(42, 256, 256))).get(0).pixels();
		RgbImage again = this.compositor.generate(List.of(request(42, 256, 256))).get(0).pixels();
		RgbImage other = this.compositor.generate(List.of(request(43, 256, 256))).get(0).pixels();

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void shouldReturnPixelsWithTheMaskOfWhereItPlacedTheProduct() {
		GeneratedImage image = this.compositor.generate(List.of(request(7, 256, 256))).get(0);

		float[] mask = image.productMask();
		assertThat(mask).hasSize(256 * 256);
		long product = IntStream.range(0, mask.length).filter((p) -> mask[p] == 1f).count();
		assertThat(product).as("pixels wholly product").isGreaterThan(1000).isLessThan(256 * 256 / 2);
		int corner = image.pixels().toBufferedImage().getRGB(2, 2);
		assertThat(mask[2 * 256 + 2]).as("the backdrop's corner is no product").isZero();
		assertThat(isWhite(corner)).isFalse();
	}

	@Test
	void shouldPlaceTheKeyedProductOnTheSceneInsteadOfItsWhiteBackground() {
		BufferedImage image = SceneComposer.compose(request(7, 256, 256)).scene();

		assertThat(isWhite(image.getRGB(2, 2))).as("the corner shows the backdrop, not the photo's white").isFalse();
		long redPixels = countPixels(image, (rgb) -> ((rgb >> 16) & 0xFF) > 150 && ((rgb >> 8) & 0xFF) < 80);
		assertThat(redPixels).as("the red product is visible").isGreaterThan(1000);
	}

	@Test
	void shouldRejectAPhotoThatIsNotAnImage() {
		ImageRequest garbage = new ImageRequest("p", "n", 1, 64, 64, "not an image".getBytes(), KITCHEN,
				Sampling.DEFAULT);

		assertThatThrownBy(() -> this.compositor.generate(List.of(garbage)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a readable image");
	}

	private ImageRequest request(long seed, int width, int height) {
		return new ImageRequest("a red ring", "text", seed, width, height, this.ring, KITCHEN, Sampling.DEFAULT);
	}

	private static boolean isWhite(int rgb) {
		return (rgb & 0xFFFFFF) == 0xFFFFFF;
	}

	private static long countPixels(BufferedImage image, IntPredicate test) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if (test.test(image.getRGB(x, y))) {
					count++;
				}
			}
		}
		return count;
	}

}
