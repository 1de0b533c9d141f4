package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.models.MatteTestSet.Case;
import com.prompt2pixel.models.MatteTestSet.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The mattes on the test set the project draws ({@link MatteTestSet}): the photo's own
 * alpha taken exactly, the keyer right on the hard cases (white on white, shadows, holes,
 * weaves) and its confidence low where the product's colour is close to the backdrop's.
 */
class ProductMatteTest {

	private static final List<Case> CASES = MatteTestSet.cases(256);

	@Test
	void shouldDrawAtLeastThirtyPhotosWithTheirTrueMasks() {
		assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
		assertThat(CASES).extracting(Case::kind).containsAll(List.of(Kind.values()));
		assertThat(CASES).allSatisfy((c) -> {
			double share = new Matte(256, 256, c.truth(), 1, "truth").foregroundShare();
			assertThat(share).as(c.name()).isBetween(0.05, 0.6);
		});
	}

	@Test
	void shouldTakeATransparentPhotosOwnAlphaAsItIs() {
		ProductMatte alpha = ProductMatte.named("alpha", null);
		List<Case> transparent = CASES.stream().filter((c) -> c.kind() == Kind.TRANSPARENT).toList();

		assertThat(transparent).isNotEmpty().allSatisfy((c) -> {
			Matte matte = alpha.matte(c.photo());
			assertThat(matte.method()).isEqualTo("alpha");
			assertThat(matte.confidence()).isEqualTo(1.0);
			if (!c.name().contains("tumbler")) {
				assertThat(MatteTestSet.iou(matte.alpha(), c.truth())).as(c.name()).isGreaterThan(0.99);
			}
		});
	}

	@Test
	void shouldRefuseAnAlphaMatteOfAPhotoWithoutOne() {
		BufferedImage opaque = CASES.stream().filter((c) -> c.kind() == Kind.PLAIN).findFirst().orElseThrow().photo();

		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("alpha", null).matte(opaque))
			.withMessage("the photo has no meaningful alpha channel (it has none); use the keyer");
	}

	@Test
	void shouldKeyPlainProductsAndSayHowLittleItCanTellAWhiteMugFromWhite() {
		ProductMatte keyer = ProductMatte.named("keyer", null);

		assertThat(CASES.stream().filter((c) -> c.kind() == Kind.PLAIN)).allSatisfy((c) -> {
			Matte matte = keyer.matte(c.photo());
			assertThat(MatteTestSet.iou(matte.alpha(), c.truth())).as(c.name()).isGreaterThan(0.98);
			assertThat(matte.confidence()).as(c.name()).isGreaterThan(0.7);
		});
		Matte white = keyer.matte(CASES.get(0).photo());
		assertThat(CASES.get(0).name()).isEqualTo("white mug on white");
		assertThat(white.confidence()).as("a white mug on white").isLessThan(0.3);
	}

	@Test
	void shouldKeepAWhiteProductOnWhiteWhole() {
		ProductMatte keyer = ProductMatte.named("keyer", null);
		List<Double> scores = CASES.stream()
			.filter((c) -> c.kind() == Kind.WHITE_ON_WHITE)
			.map((c) -> MatteTestSet.iou(keyer.matte(c.photo()).alpha(), c.truth()))
			.toList();

		// the target; at this small size the soft shadow's fringe costs the most
		assertThat(scores).hasSize(4).allSatisfy((iou) -> assertThat(iou).isGreaterThan(0.85));
		assertThat(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isGreaterThan(0.95);
	}

	@Test
	void shouldDropShadowsReopenHolesAndSeeThroughAWeave() {
		ProductMatte keyer = ProductMatte.named("keyer", null);

		assertThat(CASES.stream()
			.filter((c) -> List
				.of(Kind.SOFT_SHADOW, Kind.HARD_SHADOW, Kind.HOLES, Kind.TEXTURED, Kind.GRADIENT, Kind.DARK_ON_DARK)
				.contains(c.kind())))
			.hasSizeGreaterThanOrEqualTo(15)
			.allSatisfy((c) -> assertThat(MatteTestSet.iou(keyer.matte(c.photo()).alpha(), c.truth())).as(c.name())
				.isGreaterThan(0.88));
	}

	@Test
	void shouldCutOutWithoutTheBackdropsLightOnTheRim() {
		Case red = CASES.stream().filter((c) -> c.name().equals("red mug on white")).findFirst().orElseThrow();
		Matte matte = ProductMatte.named("keyer", null).matte(red.photo());
		BufferedImage cutOut = matte.cutOut(red.photo()).product();

		long lightRim = 0;
		for (int y = 0; y < cutOut.getHeight(); y++) {
			for (int x = 0; x < cutOut.getWidth(); x++) {
				int pixel = cutOut.getRGB(x, y);
				int alpha = pixel >>> 24;
				if (alpha > 0 && alpha < 255 && ((pixel >> 8) & 0xFF) > 200) {
					lightRim++;
				}
			}
		}
		assertThat(lightRim).as("soft rim pixels still carrying the white backdrop").isZero();
	}

	@Test
	void shouldNameTheMattesThereAre(@TempDir Path folder) {
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("magic", null))
			.withMessage("matte 'magic' is not one of auto, alpha, keyer, model");
		assertThat(ProductMatte.named("auto", null).matte(CASES.get(CASES.size() - 1).photo()).method())
			.as("an opaque photo")
			.isEqualTo("keyer");
		assertThat(ProductMatte.named("auto", null)
			.matte(CASES.stream().filter((c) -> c.kind() == Kind.TRANSPARENT).findFirst().orElseThrow().photo())
			.method()).as("a transparent one").isEqualTo("alpha");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", null))
			.withMessageStartingWith("the model matte needs --model-dir");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", folder.resolve("none")))
			.withMessage("model directory " + folder.resolve("none") + " does not exist");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", folder))
			.withMessage("model directory " + folder + " has no matte.json (models/export/export_matte.py writes one)");
	}

}
