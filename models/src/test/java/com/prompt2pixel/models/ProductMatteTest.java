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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mattes on the test set the project draws ({@link MatteTestSet}): the photo's own
 * alpha taken exactly, today's keyer right on the easy cases, and its confidence honest
 * where it is not.
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
			// a mug's handle encloses background, which today's keyer keeps opaque
			assertThat(MatteTestSet.iou(matte.alpha(), c.truth())).as(c.name()).isGreaterThan(0.93);
			assertThat(matte.confidence()).as(c.name()).isGreaterThan(0.7);
		});
		Matte white = keyer.matte(CASES.get(0).photo());
		assertThat(CASES.get(0).name()).isEqualTo("white mug on white");
		assertThat(white.confidence()).as("a white mug on white").isLessThan(0.3);
	}

	@Test
	void shouldNameTheMattesThereAreAndSayTheModelIsNotBuilt(@TempDir Path folder) {
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
		assertThatThrownBy(() -> ProductMatte.named("model", folder)).isInstanceOf(UnsupportedOperationException.class)
			.hasMessageStartingWith("the model matte (a salient-object segmentation model on DJL) is not built yet");
	}

}
