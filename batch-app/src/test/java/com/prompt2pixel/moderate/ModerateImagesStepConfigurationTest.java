package com.prompt2pixel.moderate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import com.prompt2pixel.models.checks.SafetyCheck;
import com.prompt2pixel.system.EnvironmentProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safety check as configured: no classifier (not run), the committed tiny one (it
 * runs and judges), and one that cannot load (the application does not start).
 */
class ModerateImagesStepConfigurationTest {

	private static final Path TINY = Path.of("..", "models", "src", "test", "resources", "tiny-classifier")
		.toAbsolutePath()
		.normalize();

	private final ModerateImagesStepConfiguration configuration = new ModerateImagesStepConfiguration();

	@Test
	void shouldRunTheSafetyCheckOnlyWithAClassifierAndRefuseOneThatCannotLoad() {
		try (SafetyCheck none = this.configuration.safetyCheck(properties(null))) {
			assertThat(none.classifier()).isNull();
			assertThat(none.check(red()).ran()).isFalse();
		}
		try (SafetyCheck tiny = this.configuration.safetyCheck(properties(TINY))) {
			assertThat(tiny.classifier()).isEqualTo("tiny-red-is-unsafe");
			assertThat(tiny.check(red()).tripped()).isTrue();
		}
		assertThatThrownBy(() -> this.configuration.safetyCheck(properties(TINY.resolveSibling("missing"))))
			.isInstanceOf(EnvironmentProblem.class)
			.hasMessageStartingWith("p2p.moderate.safety: model directory ")
			.hasMessageContaining("has no classifier.json");
	}

	private static ModerationProperties properties(Path modelDir) {
		return new ModerationProperties(4, new ModerationProperties.Fidelity(0.9, 0.08, 16),
				new ModerationProperties.Cutout(0.2, 0.005, 0.85, 0.3), new ModerationProperties.Quality(8, 0.3),
				new ModerationProperties.Safety(modelDir, "cpu", 0.5), new ModerationProperties.NearDuplicate(3, 24));
	}

	private static BufferedImage red() {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(230, 30, 30));
		g.fillRect(0, 0, 64, 64);
		g.dispose();
		return image;
	}

}
