package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sample catalog's compositor scenes on one sheet, each with its SKU and placement,
 * to look at: {@code docs/contact-sheets/}. Not run by the build:
 * {@code -Dgroups=benchmark -Dtest=SampleContactSheet -Dcontact.sheet=FILE.png}.
 */
@Tag("benchmark")
class SampleContactSheet {

	private static final int TILE = 256;

	private static final int COLUMNS = 5;

	@Test
	void shouldDrawTheSampleCatalogsScenes() throws IOException {
		List<ScenePlacementTest.Sample> samples = ScenePlacementTest.samples();
		int rows = (samples.size() + COLUMNS - 1) / COLUMNS;
		BufferedImage sheet = new BufferedImage(COLUMNS * TILE, rows * (TILE + 18), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int i = 0; i < samples.size(); i++) {
			ScenePlacementTest.Sample sample = samples.get(i);
			SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest(sample.title(), "", 7, TILE, TILE,
					Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve(sample.photo())),
					SceneStyle.of(List.of("#efe9df", "#ddd3c4", "#a78b6d"), 0.55, sample.placement()),
					Sampling.DEFAULT));
			int x = (i % COLUMNS) * TILE;
			int y = (i / COLUMNS) * (TILE + 18);
			g.drawImage(scene.scene(), x, y, null);
			g.setColor(Color.DARK_GRAY);
			g.drawString(sample.sku() + " · " + sample.placement().name().toLowerCase(java.util.Locale.ROOT) + " · "
					+ scene.matteMethod(), x + 4, y + TILE + 13);
		}
		g.dispose();
		Path out = Path.of(System.getProperty("contact.sheet", "target/contact-sheet.png"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		ImageIO.write(sheet, "png", out.toFile());
		System.out.println("wrote " + out.toAbsolutePath());
	}

}
