package com.prompt2pixel.models;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.models.MatteTestSet.Case;
import com.prompt2pixel.models.MatteTestSet.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The model matte through DJL with the committed tiny model
 * ({@code models/export/make_tiny_matte.py}): hand-set weights that find a product darker
 * than a white backdrop, so a mis-normalised, transposed or mis-resized input would not
 * find the products.
 */
class SegmentationMatteTest {

	static final Path TINY = Path.of("src/test/resources/tiny-matte");

	private static ProductMatte model;

	@BeforeAll
	static void load() {
		model = ProductMatte.named("model", TINY);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void shouldFindColouredProductsOnWhiteAtThePhotosSize() {
		List<Case> plain = MatteTestSet.cases(200).stream().filter((c) -> c.kind() == Kind.PLAIN).toList();

		assertThat(plain).hasSize(3).allSatisfy((c) -> {
			Matte matte = model.matte(c.photo());
			assertThat(matte.method()).isEqualTo("model");
			assertThat(matte.width()).isEqualTo(200);
			// the tiny model sees 128² and blurs: a mug handle's small hole fills in
			assertThat(MatteTestSet.iou(matte.alpha(), c.truth())).as(c.name()).isGreaterThan(0.85);
			assertThat(matte.confidence()).as(c.name()).isGreaterThan(0.5);
		});
	}

	@Test
	void shouldKeepAPhotosProportionsWhenItIsNotSquare() {
		Case red = MatteTestSet.cases(128).stream().filter((c) -> c.kind() == Kind.PLAIN).findFirst().orElseThrow();
		// the same product twice as wide: the model sees it squeezed, the mask is
		// stretched back
		BufferedImage wide = new BufferedImage(256, 128, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = wide.createGraphics();
		g.drawImage(red.photo(), 0, 0, 256, 128, null);
		g.dispose();

		Matte matte = model.matte(wide);

		assertThat(matte.width()).isEqualTo(256);
		assertThat(matte.height()).isEqualTo(128);
		assertThat(matte.alphaAt(10, 64)).as("the backdrop at the left").isLessThan(40);
		assertThat(matte.alphaAt(110, 64)).as("the mug's body").isGreaterThan(215);
	}

	@Test
	void shouldRefuseAModelDirectoryThatIsNotAMatte(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("matte.json"), "{\"format\": \"prompt2pixel-sd/1\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", folder))
			.withMessage(
					folder.resolve("matte.json") + " is not a prompt2pixel-matte/1 file (format 'prompt2pixel-sd/1')");

		Files.writeString(folder.resolve("matte.json"), "{\"format\": \"prompt2pixel-matte/1\", \"input_size\": 64, "
				+ "\"mean\": [0, 0, 0], \"std\": [1, 1, 1], \"model\": \"../elsewhere.pt\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", folder))
			.withMessageContaining("model must name a TorchScript .pt file in " + folder);

		Files.writeString(folder.resolve("model.pt"), "not TorchScript");
		Files.writeString(folder.resolve("matte.json"), "{\"format\": \"prompt2pixel-matte/1\", \"input_size\": 64, "
				+ "\"mean\": [0, 0, 0], \"std\": [1, 1, 1], \"model\": \"model.pt\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductMatte.named("model", folder))
			.withMessageStartingWith("cannot load " + folder.resolve("model.pt") + " as TorchScript");
	}

}
