package com.prompt2pixel.models;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageInspectorTest {

	private final ImageInspector inspector = new ImageInspector(4.0);

	@Test
	void shouldFlagAUniformImage() {
		ImageInspector.Inspection inspection = this.inspector.inspect(Png.encode(TestPhotos.uniform(Color.GRAY)));

		assertThat(inspection.passed()).isFalse();
		assertThat(inspection.problems()).singleElement()
			.isEqualTo("near-uniform image: luminance standard deviation 0.00 is below 4.00");
	}

	@Test
	void shouldPassACompositedScene() {
		SceneStyle style = SceneStyle.of(List.of("#f7f7f5", "#e9e8e4", "#dcdad4"), 0.6);
		RgbImage scene = new CompositorGenerator().generate(List.of(new ImageRequest("p", "n", 1, 128, 128,
				Png.encode(TestPhotos.redRingOnWhite()), style, Sampling.DEFAULT)))
			.get(0)
			.pixels();

		ImageInspector.Inspection inspection = this.inspector.inspect(Png.encode(scene));

		assertThat(inspection.passed()).isTrue();
		assertThat(inspection.luminanceStdDev()).isGreaterThan(4.0);
	}

	@Test
	void shouldFlagBytesThatAreNotAnImage() {
		assertThat(this.inspector.inspect(new byte[] { 1, 2, 3 }).problems()).singleElement()
			.asString()
			.startsWith("unreadable image:");
	}

}
