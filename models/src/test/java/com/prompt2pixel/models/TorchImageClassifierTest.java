package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.SafetyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safety classifier on DJL with the committed tiny model, whose hand-set weights call
 * an image unsafe as far as its red outweighs its blue: the Java side must normalise the
 * input, read the labels and sum the unsafe ones for a red image to trip the check and a
 * blue one to pass it. Without a classifier the check does not run, and says so.
 */
class TorchImageClassifierTest {

	static final Path TINY = Path.of("src/test/resources/tiny-classifier");

	@Test
	void shouldTripOnWhatTheModelCallsUnsafeAndPassTheRest() {
		try (TorchImageClassifier classifier = TorchImageClassifier.load(TINY, "cpu");
				SafetyCheck check = new SafetyCheck(classifier, 0.5)) {
			assertThat(classifier.unsafe(TestPhotos.uniform(new Color(220, 40, 40)))).isGreaterThan(0.9);
			assertThat(classifier.unsafe(TestPhotos.uniform(new Color(40, 40, 220)))).isLessThan(0.1);
			assertThat(classifier.unsafe(TestPhotos.uniform(Color.GRAY))).isBetween(0.45, 0.55);

			CheckResult red = check.check(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB) {
				{
					java.awt.Graphics2D g = createGraphics();
					g.setColor(new Color(230, 30, 30));
					g.fillRect(0, 0, 300, 200);
					g.dispose();
				}
			});
			assertThat(red.tripped()).isTrue();
			assertThat(red.problems()).singleElement()
				.asString()
				.matches("tiny-red-is-unsafe puts the chance of unsafe content at (0\\.9\\d|1\\.00), over 0\\.50");
			CheckResult blue = check.check(TestPhotos.uniform(new Color(40, 40, 220)));
			assertThat(blue.tripped()).isFalse();
			assertThat(blue.score()).isGreaterThan(0.9);
		}
	}

	@Test
	void shouldRecordTheCheckAsNotRunWithoutAClassifier() {
		CheckResult result = new SafetyCheck(null, 0.5).check(TestPhotos.uniform(Color.RED));

		assertThat(result.ran()).isFalse();
		assertThat(result.tripped()).as("not run is no pass and no trip").isFalse();
		assertThat(result.problems()).containsExactly("no image classifier is configured: not checked");
	}

	@Test
	void shouldNameWhatIsWrongWithAClassifierDirectory(@TempDir Path dir) throws IOException {
		assertThatThrownBy(() -> TorchImageClassifier.load(dir, "cpu"))
			.hasMessageContaining("has no classifier.json (models/export/export_nsfw_classifier.py writes one)");

		String json = Files.readString(TINY.resolve("classifier.json"));
		Files.copy(TINY.resolve("model.pt"), dir.resolve("model.pt"));
		Files.writeString(dir.resolve("classifier.json"),
				json.replace("\"unsafe\": [\n  \"nsfw\"", "\"unsafe\": [\n  \"porn\""));
		assertThatThrownBy(() -> TorchImageClassifier.load(dir, "cpu"))
			.hasMessageContaining("labels must name two or more classes and unsafe one or more of them");

		Files.writeString(dir.resolve("classifier.json"),
				json.replace("\"input_size\": 64", "\"input_size\": 96")
					.replace("\"labels\": [\n  \"normal\",\n  \"nsfw\"\n ]",
							"\"labels\": [\n  \"normal\",\n  \"nsfw\",\n  \"drawing\"\n ]"));
		assertThatThrownBy(() -> TorchImageClassifier.load(dir, "cpu"))
			.hasMessageContaining("does not take [1, 3, 96, 96] to [1, 3] logits");
	}

}
