package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a composed scene shows, read from its pixels as a merchant would look at it: the
 * light on one side and every shadow on the other, a surface with a texture where the
 * prompt names one, and a flat lay seen from above.
 */
class SceneComposerTest {

	private static final List<String> PALE = List.of("#f4f1ea", "#e6e1d6", "#d9d2c4");

	private final byte[] mug;

	SceneComposerTest() throws IOException {
		this.mug = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/mug-sage-02.png"));
	}

	@Test
	void shouldCastEveryShadowAwayFromTheLight() {
		int leftLit = 0;
		int rightLit = 0;
		for (long seed = 1; seed <= 8; seed++) {
			for (SceneStyle.View view : SceneStyle.View.values()) {
				SceneComposer.Composition scene = compose(seed, Surface.PLAIN, view);
				BufferedImage image = scene.scene();
				int[] box = box(scene.productAlpha(), image.getWidth());
				// the light's side: the brighter top corner, far from the product
				boolean lightOnLeft = luma(image, 0, 0, 60, 30) > luma(image, image.getWidth() - 60, 0, 60, 30);
				leftLit += lightOnLeft ? 1 : 0;
				rightLit += lightOnLeft ? 0 : 1;
				// beside the product's lower half, against the same columns far from it
				// (the
				// top for a flat lay, the floor's near edge for a standing product), so
				// that
				// the light's fall-off across the frame cancels out
				int height = (box[3] - box[1]) / 3;
				int top = box[3] - height;
				int farTop = (view == SceneStyle.View.TOP_DOWN) ? 0 : image.getHeight() - 12;
				int farHeight = (view == SceneStyle.View.TOP_DOWN) ? 20 : 12;
				int strip = 40;
				double left = darkestPatch(image, box[0] - strip, top, strip, height)
						/ luma(image, box[0] - strip, farTop, strip, farHeight);
				double right = darkestPatch(image, box[2] + 1, top, strip, height)
						/ luma(image, box[2] + 1, farTop, strip, farHeight);
				String what = view + " seed " + seed + ", light on the " + (lightOnLeft ? "left" : "right");
				assertThat(lightOnLeft ? right : left).as(what + ": the shadow's side, darker")
					.isLessThan((lightOnLeft ? left : right) - 0.05);
			}
		}
		assertThat(leftLit).as("the seed moves the light to either side").isPositive();
		assertThat(rightLit).isPositive();
	}

	@Test
	void shouldShowTheSurfacesTextureOnTheFloor() {
		double plain = floorRoughness(compose(5, Surface.PLAIN, SceneStyle.View.FRONT));
		for (Surface surface : List.of(Surface.WOOD, Surface.STONE, Surface.LINEN, Surface.CONCRETE)) {
			assertThat(floorRoughness(compose(5, surface, SceneStyle.View.FRONT))).as(surface.name())
				.isGreaterThan(plain + 0.3);
		}
		assertThat(floorRoughness(compose(5, Surface.PAPER, SceneStyle.View.TOP_DOWN))).as("paper, fine fibres")
			.isGreaterThan(plain + 0.2);
	}

	@Test
	void shouldSeeAFlatLayFromAbove() {
		SceneComposer.Composition scene = compose(9, Surface.LINEN, SceneStyle.View.TOP_DOWN);
		BufferedImage image = scene.scene();
		int[] box = box(scene.productAlpha(), image.getWidth());

		assertThat(scene.horizon()).as("no wall, no horizon").isZero();
		assertThat(box[0]).isPositive();
		assertThat(box[1]).as("the product lies inside the frame").isPositive();
		assertThat(box[2]).isLessThan(image.getWidth() - 1);
		assertThat(box[3]).isLessThan(image.getHeight() - 1);
		// the surface carries on above and below the product: no wall meets a floor
		double above = luma(image, 0, box[1] / 4, image.getWidth(), 10);
		double below = luma(image, 0, box[3] + (image.getHeight() - box[3]) / 2, image.getWidth(), 10);
		assertThat(Math.abs(above - below)).isLessThan(12);
	}

	@Test
	void shouldLayAHangingProductFlatWithoutItsCord() throws IOException {
		byte[] pendant = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/pendant-19.png"));
		SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest("pendant", "", 4, 512, 384, pendant,
				SceneStyle.of(PALE, 0.5, Placement.HANGING, Surface.LINEN, SceneStyle.View.TOP_DOWN),
				Sampling.DEFAULT));
		int[] box = box(scene.productAlpha(), 512);

		assertThat(box[1]).as("inside the frame, not hung from its top").isGreaterThan(384 / 10);
		assertThat(luma(scene.scene(), (box[0] + box[2]) / 2 - 2, 0, 5, box[1] - 4)).as("no cord above it")
			.isGreaterThan(150);
	}

	@Test
	void shouldPaintTheSurfaceThePromptNames() {
		assertThat(Surface.of("auto", "lifestyle photograph of the mug on a pale oak kitchen counter"))
			.isEqualTo(Surface.WOOD);
		assertThat(Surface.of(null, "overhead flat lay of the mug on a linen tablecloth on an oak table"))
			.as("the first surface named")
			.isEqualTo(Surface.LINEN);
		assertThat(Surface.of("auto", "studio photograph of the mug, centred on a seamless light grey backdrop"))
			.isEqualTo(Surface.PLAIN);
		assertThat(Surface.of("auto", "the mug on a travertine surface")).isEqualTo(Surface.STONE);
		assertThat(Surface.of("auto", "the mug in the ashes")).as("a word, not a part of one").isEqualTo(Surface.PLAIN);
		assertThat(Surface.of("concrete", "on a pale oak counter")).as("a template's hint wins")
			.isEqualTo(Surface.CONCRETE);
		assertThatThrownBy(() -> Surface.of("carpet", "")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("surface 'carpet' is not one of auto, plain, wood");
	}

	@Test
	void shouldReadTheViewATaskNames() {
		assertThat(SceneStyle.View.of(null)).as("a task written before views").isEqualTo(SceneStyle.View.FRONT);
		assertThat(SceneStyle.View.of("top-down")).isEqualTo(SceneStyle.View.TOP_DOWN);
		assertThatThrownBy(() -> SceneStyle.View.of("sideways")).hasMessageContaining("view 'sideways'");
	}

	private SceneComposer.Composition compose(long seed, Surface surface, SceneStyle.View view) {
		return SceneComposer.compose(new ImageRequest("mug", "", seed, 512, 384, this.mug,
				SceneStyle.of(PALE, 0.5, Placement.TABLETOP, surface, view), Sampling.DEFAULT));
	}

	/**
	 * The mean difference in luma between neighbouring pixels over the floor's near half,
	 * beside the product: 0 on a flat colour, larger on a grain or weave.
	 */
	private static double floorRoughness(SceneComposer.Composition scene) {
		BufferedImage image = scene.scene();
		int[] box = box(scene.productAlpha(), image.getWidth());
		int top = (int) Math.max(scene.horizon() + (image.getHeight() - scene.horizon()) / 2, box[3] + 2);
		double sum = 0;
		long count = 0;
		for (int y = top; y < image.getHeight() - 1; y++) {
			for (int x = 1; x < box[0] - 1; x++) {
				sum += Math.abs(luma(image, x, y, 1, 1) - luma(image, x + 1, y, 1, 1))
						+ Math.abs(luma(image, x, y, 1, 1) - luma(image, x, y + 1, 1, 1));
				count += 2;
			}
		}
		return sum / count;
	}

	/** The mean luma of the darkest 8×8 patch of an area: where a shadow falls in it. */
	private static double darkestPatch(BufferedImage image, int x0, int y0, int width, int height) {
		double darkest = Double.MAX_VALUE;
		for (int y = y0; y + 8 <= y0 + height; y += 4) {
			for (int x = x0; x + 8 <= x0 + width; x += 4) {
				darkest = Math.min(darkest, luma(image, x, y, 8, 8));
			}
		}
		return darkest;
	}

	private static double luma(BufferedImage image, int x0, int y0, int width, int height) {
		double sum = 0;
		int count = 0;
		for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y0 + height); y++) {
			for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x0 + width); x++) {
				int rgb = image.getRGB(x, y);
				sum += (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000.0;
				count++;
			}
		}
		return sum / count;
	}

	/** minX, minY, maxX, maxY of the pixels at least half product. */
	private static int[] box(float[] alpha, int width) {
		int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
		for (int i = 0; i < alpha.length; i++) {
			if (alpha[i] >= 0.5f) {
				box[0] = Math.min(box[0], i % width);
				box[1] = Math.min(box[1], i / width);
				box[2] = Math.max(box[2], i % width);
				box[3] = Math.max(box[3], i / width);
			}
		}
		return box;
	}

}
