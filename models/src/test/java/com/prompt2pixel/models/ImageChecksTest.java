package com.prompt2pixel.models;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.CutoutCheck;
import com.prompt2pixel.models.checks.ProductFidelityCheck;
import com.prompt2pixel.models.checks.QualityCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic checks on images that must and must not trip them: the sample catalog's
 * composites pass every one; the white mug on white, cut in half the way the old
 * keyer cut it, trips the fidelity and the cut-out checks; a stretched, a recoloured, a
 * blurred, a blank and a haloed image trip theirs.
 */
class ImageChecksTest {

	static final ProductFidelityCheck FIDELITY = new ProductFidelityCheck(0.9, 0.08, 16);

	static final CutoutCheck CUTOUT = new CutoutCheck(0.2, 0.005, 0.85, 0.3);

	static final QualityCheck QUALITY = new QualityCheck(8, 0.3);

	static final List<SceneStyle> LOOKS = List.of(
			SceneStyle.of(List.of("#f7f7f5", "#e9e8e4", "#dcdad4"), 0.6, Placement.TABLETOP, Surface.PLAIN,
					SceneStyle.View.FRONT),
			SceneStyle.of(List.of("#3b3a45", "#5a4a48", "#4a3426"), 0.5, Placement.TABLETOP, Surface.WOOD,
					SceneStyle.View.FRONT),
			SceneStyle.of(List.of("#ece9e3", "#ddd8cf", "#c4bbad"), 0.55, Placement.TABLETOP, Surface.LINEN,
					SceneStyle.View.TOP_DOWN));

	private final ProductMatte keyer = ProductMatte.named("keyer", null);

	@Test
	void shouldPassEverySampleProductsComposites() throws IOException {
		List<String> tripped = new ArrayList<>();
		for (ScenePlacementTest.Sample sample : ScenePlacementTest.samples()) {
			byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve(sample.photo()));
			BufferedImage decoded = Png.decode(photo);
			Matte reference = this.keyer.matte(decoded);
			for (SceneStyle look : LOOKS) {
				SceneStyle style = SceneStyle.of(palette(look), look.productScale(), sample.placement(), look.surface(),
						look.view());
				Labelled image = compose(photo, style, 5, ProductMatte.named("auto", null));
				for (CheckResult result : List.of(FIDELITY.check(image.image(), image.mask(), decoded, reference),
						CUTOUT.check(image.image(), image.mask(), image.confidence()),
						QUALITY.check(image.image(), image.mask()))) {
					if (result.tripped()) {
						tripped.add(sample.sku() + " " + look.surface() + ": " + result.problems());
					}
				}
			}
		}
		assertThat(tripped).isEmpty();
	}

	@Test
	void shouldHoldTheWhiteMugOnWhiteCutInHalf() {
		MatteTestSet.Case mug = MatteTestSet.cases(512).get(0);
		Labelled cut = compose(Png.encode(mug.photo()), LOOKS.get(0), 3, new HalfCut());

		CheckResult fidelity = FIDELITY.check(cut.image(), cut.mask(), mug.photo(), this.keyer.matte(mug.photo()));
		assertThat(fidelity.tripped()).as(fidelity.toString()).isTrue();
		assertThat(fidelity.problems()).anySatisfy((p) -> assertThat(p).contains("cut or covered"));
		CheckResult cutout = CUTOUT.check(cut.image(), cut.mask(), 0.1);
		assertThat(cutout.tripped()).as("a cut as unsure as the old keyer's").isTrue();

		Labelled whole = compose(Png.encode(mug.photo()), LOOKS.get(0), 3, this.keyer);
		assertThat(FIDELITY.check(whole.image(), whole.mask(), mug.photo(), this.keyer.matte(mug.photo())).tripped())
			.as("the improved keyer's whole mug")
			.isFalse();
	}

	@Test
	void shouldHoldAStretchedOrRecolouredProduct() throws IOException {
		byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/vase-12.png"));
		BufferedImage decoded = Png.decode(photo);
		Matte reference = this.keyer.matte(decoded);
		Labelled good = compose(photo, LOOKS.get(0), 8, this.keyer);

		Labelled stretched = good.transformed(AffineTransform.getScaleInstance(1.3, 1));
		CheckResult wide = FIDELITY.check(stretched.image(), stretched.mask(), decoded, reference);
		assertThat(wide.problems()).anySatisfy((p) -> assertThat(p).contains("stretched"));

		BufferedImage recoloured = copy(good.image());
		int width = recoloured.getWidth();
		for (int i = 0; i < good.mask().length; i++) {
			if ((good.mask()[i] & 0xFF) >= 128) {
				int rgb = recoloured.getRGB(i % width, i / width);
				// red and blue swapped: a yellow vase turned blue
				recoloured.setRGB(i % width, i / width, ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF));
			}
		}
		CheckResult blue = FIDELITY.check(recoloured, good.mask(), decoded, reference);
		assertThat(blue.problems()).anySatisfy((p) -> assertThat(p).contains("recoloured"));
	}

	@Test
	void shouldHoldABlurredOrBlankImage() throws IOException {
		byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/teapot-04.png"));
		Labelled good = compose(photo, LOOKS.get(1), 2, this.keyer);
		assertThat(QUALITY.check(good.image(), good.mask()).tripped()).isFalse();

		BufferedImage blurred = good.image();
		float[] taps = new float[15];
		Arrays.fill(taps, 1 / 15f);
		for (int pass = 0; pass < 2; pass++) {
			blurred = new ConvolveOp(new Kernel(15, 1, taps), ConvolveOp.EDGE_NO_OP, null).filter(blurred, null);
			blurred = new ConvolveOp(new Kernel(1, 15, taps), ConvolveOp.EDGE_NO_OP, null).filter(blurred, null);
		}
		CheckResult soft = QUALITY.check(blurred, good.mask());
		assertThat(soft.problems()).anySatisfy((p) -> assertThat(p).contains("blurred"));

		BufferedImage white = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = white.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 512, 512);
		g.dispose();
		assertThat(QUALITY.check(white, null).problems()).anySatisfy((p) -> assertThat(p).contains("clipped"));
	}

	@Test
	void shouldHoldAHaloAndACutOffProduct() throws IOException {
		byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/mug-navy-03.png"));
		Labelled good = compose(photo, LOOKS.get(1), 4, this.keyer);
		assertThat(CUTOUT.check(good.image(), good.mask(), 0.9).tripped()).isFalse();

		// the rim in the old backdrop's white, as a cut-out without decontamination shows
		BufferedImage haloed = copy(good.image());
		int width = haloed.getWidth();
		for (int i = 0; i < good.mask().length; i++) {
			int m = good.mask()[i] & 0xFF;
			if (m > 25 && m < 230) {
				haloed.setRGB(i % width, i / width, 0xF4F4F4);
			}
		}
		assertThat(CUTOUT.check(haloed, good.mask(), 0.9).problems()).anySatisfy((p) -> assertThat(p).contains("halo"));

		Labelled off = good.transformed(AffineTransform.getTranslateInstance(-0.45 * width, 0));
		assertThat(CUTOUT.check(off.image(), off.mask(), 0.9).problems())
			.anySatisfy((p) -> assertThat(p).contains("cut off"));
	}

	static List<String> palette(SceneStyle look) {
		return List.of(hex(look.wallTop()), hex(look.wallBottom()), hex(look.floor()));
	}

	private static String hex(java.awt.Color colour) {
		return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
	}

	static Labelled compose(byte[] photo, SceneStyle style, long seed, ProductMatte matte) {
		SceneComposer.Composition scene = SceneComposer
			.compose(new ImageRequest("product", "", seed, 512, 512, photo, style, Sampling.DEFAULT, matte));
		byte[] mask = new byte[scene.productAlpha().length];
		for (int i = 0; i < mask.length; i++) {
			mask[i] = (byte) Math.round(255 * scene.productAlpha()[i]);
		}
		return new Labelled(scene.scene(), mask, scene.matteConfidence());
	}

	static BufferedImage copy(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

	/** An image with the mask of its product and the cut's confidence. */
	record Labelled(BufferedImage image, byte[] mask, double confidence) {

		/**
		 * The image and its mask moved alike (stretched, shifted) on a canvas of its
		 * size.
		 */
		Labelled transformed(AffineTransform move) {
			int width = this.image.getWidth();
			int height = this.image.getHeight();
			BufferedImage moved = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = moved.createGraphics();
			g.drawImage(this.image, 0, 0, null);
			g.drawImage(this.image, move, null);
			g.dispose();
			BufferedImage maskImage = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
			maskImage.getRaster().setDataElements(0, 0, width, height, this.mask.clone());
			BufferedImage movedMask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
			Graphics2D m = movedMask.createGraphics();
			m.drawImage(maskImage, move, null);
			m.dispose();
			byte[] out = new byte[width * height];
			movedMask.getRaster().getDataElements(0, 0, width, height, out);
			return new Labelled(moved, out, this.confidence);
		}

	}

	/**
	 * The cut the old keyer made of a white mug on white: the product's left half, the
	 * lit side that matched the backdrop, lost.
	 */
	static final class HalfCut implements ProductMatte {

		private final ProductMatte keyer = ProductMatte.named("keyer", null);

		@Override
		public String method() {
			return "keyer";
		}

		@Override
		public String key() {
			return "half-cut";
		}

		@Override
		public Matte matte(BufferedImage photo) {
			Matte whole = this.keyer.matte(photo);
			int[] box = { photo.getWidth(), -1 };
			for (int i = 0; i < whole.alpha().length; i++) {
				if ((whole.alpha()[i] & 0xFF) >= 128) {
					box[0] = Math.min(box[0], i % photo.getWidth());
					box[1] = Math.max(box[1], i % photo.getWidth());
				}
			}
			int middle = (box[0] + box[1]) / 2;
			byte[] alpha = whole.alpha().clone();
			for (int i = 0; i < alpha.length; i++) {
				if (i % photo.getWidth() < middle) {
					alpha[i] = 0;
				}
			}
			return new Matte(whole.width(), whole.height(), alpha, 0.1, "keyer");
		}

	}

}
