package com.prompt2pixel.models;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.ImageFingerprint;
import com.prompt2pixel.models.checks.NearDuplicateCheck;
import com.prompt2pixel.models.checks.NearDuplicateCheck.Compared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The near-duplicate check on images that must and must not trip it: the sample catalog's
 * composites in three looks are no near copies of one another (two mugs of one shape in
 * other colours included); a copy with noise, a smaller copy and a slightly brighter copy
 * are; a copy with its colours turned round is not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearDuplicateCheckTest {

	static final NearDuplicateCheck CHECK = new NearDuplicateCheck(3, 24);

	private final List<Compared> composites = new ArrayList<>();

	private final List<BufferedImage> images = new ArrayList<>();

	@BeforeAll
	void composites() throws IOException {
		for (ScenePlacementTest.Sample sample : ScenePlacementTest.samples()) {
			byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve(sample.photo()));
			for (SceneStyle look : ImageChecksTest.LOOKS) {
				SceneStyle style = SceneStyle.of(ImageChecksTest.palette(look), look.productScale(), sample.placement(),
						look.surface(), look.view());
				BufferedImage image = ImageChecksTest.compose(photo, style, 5, ProductMatte.named("auto", null))
					.image();
				this.images.add(image);
				this.composites.add(new Compared(sample.sku() + " " + look.surface(), ImageFingerprint.of(image)));
			}
		}
	}

	@Test
	void shouldFindNoNearCopyAmongDifferentProductsAndScenes() {
		List<String> tripped = new ArrayList<>();
		for (int i = 0; i < this.composites.size(); i++) {
			Compared image = this.composites.get(i);
			CheckResult result = CHECK.check(image.fingerprint(), this.composites.subList(0, i));
			if (result.tripped()) {
				tripped.add(image.name() + ": " + result.problems());
			}
		}
		assertThat(this.composites).hasSize(60);
		assertThat(tripped).isEmpty();
	}

	@Test
	void shouldFindACopyWithNoiseASmallerCopyAndABrighterCopy() {
		for (int i = 0; i < this.images.size(); i += 7) {
			BufferedImage image = this.images.get(i);
			List<Compared> original = List.of(this.composites.get(i));
			for (BufferedImage copy : List.of(noisy(image, 16, i), scaled(image, 0.75), brighter(image, 10))) {
				CheckResult result = CHECK.check(ImageFingerprint.of(copy), original);
				assertThat(result.tripped()).as(this.composites.get(i).name() + " " + result).isTrue();
				assertThat(result.problems()).singleElement()
					.asString()
					.startsWith("a near copy of " + this.composites.get(i).name() + " (");
				assertThat(result.score()).isLessThanOrEqualTo(3.0 / 64);
			}
		}
	}

	@Test
	void shouldTellACopyInOtherColoursFromANearCopy() {
		BufferedImage image = this.images.get(0);
		BufferedImage turned = ImageChecksTest.copy(image);
		for (int y = 0; y < turned.getHeight(); y++) {
			for (int x = 0; x < turned.getWidth(); x++) {
				int rgb = turned.getRGB(x, y);
				// red to green, green to blue, blue to red: the same luminance structure
				turned.setRGB(x, y, ((rgb & 0xFF) << 16) | (((rgb >> 16) & 0xFF) << 8) | ((rgb >> 8) & 0xFF));
			}
		}
		CheckResult result = CHECK.check(ImageFingerprint.of(turned), List.of(this.composites.get(0)));
		assertThat(result.tripped()).as(result.toString()).isFalse();
		assertThat(CHECK.check(ImageFingerprint.of(image), List.of()).score()).as("nothing compared").isEqualTo(1.0);
	}

	@Test
	void shouldRefuseThresholdsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NearDuplicateCheck(65, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new NearDuplicateCheck(3, -1));
	}

	static BufferedImage noisy(BufferedImage image, double sigma, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		BufferedImage noisy = ImageChecksTest.copy(image);
		for (int y = 0; y < noisy.getHeight(); y++) {
			for (int x = 0; x < noisy.getWidth(); x++) {
				int rgb = noisy.getRGB(x, y);
				int out = 0;
				for (int shift = 16; shift >= 0; shift -= 8) {
					double value = ((rgb >> shift) & 0xFF) + gaussian(random) * sigma;
					out |= ((int) Math.max(0, Math.min(255, Math.round(value)))) << shift;
				}
				noisy.setRGB(x, y, out);
			}
		}
		return noisy;
	}

	static BufferedImage scaled(BufferedImage image, double factor) {
		int width = (int) Math.round(image.getWidth() * factor);
		int height = (int) Math.round(image.getHeight() * factor);
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return scaled;
	}

	static BufferedImage brighter(BufferedImage image, int levels) {
		BufferedImage brighter = ImageChecksTest.copy(image);
		for (int y = 0; y < brighter.getHeight(); y++) {
			for (int x = 0; x < brighter.getWidth(); x++) {
				int rgb = brighter.getRGB(x, y);
				int out = 0;
				for (int shift = 16; shift >= 0; shift -= 8) {
					out |= Math.min(255, ((rgb >> shift) & 0xFF) + levels) << shift;
				}
				brighter.setRGB(x, y, out);
			}
		}
		return brighter;
	}

	/** A standard normal deviate (Box-Muller). */
	private static double gaussian(SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

}
