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
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sample catalog's compositor scenes on one sheet, each with its SKU, placement, the
 * scene's surface and view, to look at: {@code docs/contact-sheets/}. The scenes take
 * turns through five of the built-in templates' looks (a plain packshot, pale oak, a
 * linen flat lay, dark walnut, travertine), rendered at 512² and shown at 256². Not run
 * by the build:
 * {@code -Dgroups=benchmark -Dtest=SampleContactSheet -Dcontact.sheet=FILE.png}.
 */
@Tag("benchmark")
class SampleContactSheet {

	private static final int TILE = 256;

	private static final int COLUMNS = 5;

	private static final List<SceneStyle> LOOKS = List.of(
			look(List.of("#f7f7f5", "#e9e8e4", "#dcdad4"), 0.62, Surface.PLAIN, SceneStyle.View.FRONT),
			look(List.of("#f3e6cf", "#e2c9a2", "#b98b5a"), 0.5, Surface.WOOD, SceneStyle.View.FRONT),
			look(List.of("#ece9e3", "#ddd8cf", "#c4bbad"), 0.55, Surface.LINEN, SceneStyle.View.TOP_DOWN),
			look(List.of("#3b3a45", "#5a4a48", "#4a3426"), 0.5, Surface.WOOD, SceneStyle.View.FRONT),
			look(List.of("#efe9df", "#ddd3c4", "#cbbba4"), 0.55, Surface.STONE, SceneStyle.View.FRONT));

	private static SceneStyle look(List<String> palette, double scale, Surface surface, SceneStyle.View view) {
		return SceneStyle.of(palette, scale, Placement.TABLETOP, surface, view);
	}

	@Test
	void shouldDrawTheSampleCatalogsScenes() throws IOException {
		List<ScenePlacementTest.Sample> samples = ScenePlacementTest.samples();
		int rows = (samples.size() + COLUMNS - 1) / COLUMNS;
		BufferedImage sheet = new BufferedImage(COLUMNS * TILE, rows * (TILE + 18), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int i = 0; i < samples.size(); i++) {
			ScenePlacementTest.Sample sample = samples.get(i);
			SceneStyle look = LOOKS.get(i % LOOKS.size());
			SceneStyle style = SceneStyle.of(List.of(hex(look.wallTop()), hex(look.wallBottom()), hex(look.floor())),
					look.productScale(), sample.placement(), look.surface(), look.view());
			SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest(sample.title(), "", 7 + i,
					2 * TILE, 2 * TILE, Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve(sample.photo())), style,
					Sampling.DEFAULT));
			int x = (i % COLUMNS) * TILE;
			int y = (i / COLUMNS) * (TILE + 18);
			g.drawImage(scene.scene(), x, y, TILE, TILE, null);
			g.setColor(Color.DARK_GRAY);
			String where = (style.view() == SceneStyle.View.TOP_DOWN) ? "flat lay"
					: sample.placement().name().toLowerCase(Locale.ROOT);
			g.drawString(sample.sku() + " · " + where + " · " + style.surface().name().toLowerCase(Locale.ROOT), x + 4,
					y + TILE + 13);
		}
		g.dispose();
		Path out = Path.of(System.getProperty("contact.sheet", "target/contact-sheet.png"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		ImageIO.write(sheet, "png", out.toFile());
		System.out.println("wrote " + out.toAbsolutePath());
	}

	private static String hex(Color colour) {
		return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
	}

}
