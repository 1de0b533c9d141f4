package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ImageGenerator} promises, run against each backend by a subclass: one
 * whole, readable image per request, in request order, labelled with the backend and
 * model that made it.
 */
public abstract class ImageGeneratorContract {

	protected static final SceneStyle STYLE = SceneStyle.of(List.of("#f4f4f2", "#e6e5e1", "#d8d6d0"), 0.5);

	protected static final byte[] PHOTO = Png.encode(TestPhotos.redRingOnWhite());

	/** The backend under test, ready to generate. */
	protected abstract ImageGenerator generator();

	protected static ImageRequest request(long seed, int width, int height) {
		return new ImageRequest("a red ring on a linen table, soft light", "blurry, watermark", seed, width, height,
				PHOTO, STYLE, new Sampling(2, 5.0, "euler", "default", 1.0));
	}

	@Test
	void shouldReturnOneReadableImagePerRequestInRequestOrder() {
		List<ImageRequest> requests = List.of(request(1, 64, 64), request(2, 96, 64), request(3, 64, 64));

		List<GeneratedImage> images = generator().generate(requests);

		assertThat(images).hasSize(3);
		for (int i = 0; i < requests.size(); i++) {
			BufferedImage image = images.get(i).pixels().toBufferedImage();
			assertThat(image.getWidth()).as("image %d", i).isEqualTo(requests.get(i).width());
			assertThat(image.getHeight()).as("image %d", i).isEqualTo(requests.get(i).height());
		}
	}

	@Test
	void shouldLabelEveryImageWithItsBackendAndModel() {
		GeneratedImage image = generator().generate(List.of(request(4, 64, 64))).get(0);

		assertThat(image.backend()).isEqualTo(generator().backend()).isNotBlank();
		assertThat(image.model()).isEqualTo(generator().model()).isNotBlank();
		assertThat(image.generative()).isEqualTo(generator().generative());
		assertThat(image.renderMillis()).isNotNegative();
	}

	@Test
	void shouldReturnNothingForNoRequests() {
		assertThat(generator().generate(List.of())).isEmpty();
	}

}
