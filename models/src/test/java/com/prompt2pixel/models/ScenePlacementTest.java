package com.prompt2pixel.models;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample catalog's products placed where they belong: the pendant hangs from a cord
 * off the top of the frame, the clock and the frame are on the wall clear of the floor,
 * and everything else stands on the floor's surface. Each product's box (its mask at
 * alpha 0.5 or more) is checked against the scene's wall (above the horizon) and floor.
 */
class ScenePlacementTest {

	static final Path SAMPLES = Path.of("..", "samples");

	private static final Pattern ROW = Pattern.compile("^([A-Z0-9-]+),\"([^\"]+)\".*,(photos/[a-z0-9-]+\\.png)$");

	private static final SceneStyle LIVING = SceneStyle.of(List.of("#efe9df", "#ddd3c4", "#a78b6d"), 0.55);

	@Test
	void shouldTellWhereEachSampleProductBelongsFromItsWords() throws IOException {
		assertThat(samples()).extracting((p) -> p.sku() + " " + p.placement())
			.contains("PENDANT-19 HANGING", "CLOCK-16 WALL", "FRAME-17 WALL", "LAMP-18 TABLETOP",
					"MUG-CLAY-01 TABLETOP", "LANTERN-20 TABLETOP")
			.hasSize(20);
		assertThat(Placement.of("floor", "Brass Dome Pendant")).as("a template's hint wins").isEqualTo(Placement.FLOOR);
		assertThat(Placement.of("auto", "Walnut floor lamp")).isEqualTo(Placement.FLOOR);
		assertThat(Placement.of("auto", "Leather wallet")).as("a word, not a part of one")
			.isEqualTo(Placement.TABLETOP);
	}

	@Test
	void shouldPlaceHangingWallAndStandingProductsWhereTheyBelong() throws IOException {
		for (Sample sample : samples()) {
			for (long seed : new long[] { 1, 7, 42 }) {
				SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest(sample.title(), "", seed, 512,
						512, Files.readAllBytes(SAMPLES.resolve(sample.photo())), SceneStyle
							.of(List.of("#efe9df", "#ddd3c4", "#a78b6d"), LIVING.productScale(), sample.placement()),
						Sampling.DEFAULT));
				int[] box = box(scene.productAlpha(), 512);
				double horizon = scene.horizon();
				String what = sample.sku() + " seed " + seed + " box " + Arrays.toString(box) + " horizon "
						+ Math.round(horizon);
				switch (sample.placement()) {
					case HANGING -> {
						assertThat(box[3]).as(what + ": clear of the floor").isLessThan((int) horizon);
						assertThat(box[1]).as(what + ": near the top").isLessThan(512 / 4);
						int cordX = (box[0] + box[2]) / 2;
						assertThat(luma(scene, cordX, box[1] / 2)).as(what + ": the cord above it").isLessThan(90);
					}
					case WALL -> {
						assertThat(box[3]).as(what + ": clear of the floor").isLessThan((int) horizon);
						double middle = (box[1] + box[3]) / 2.0;
						assertThat(middle).as(what + ": at eye height").isBetween(0.25 * horizon, 0.6 * horizon);
					}
					case TABLETOP, FLOOR ->
						assertThat(box[3]).as(what + ": standing on the floor").isGreaterThan((int) horizon);
				}
			}
		}
	}

	@Test
	void shouldDrawAProductToTheScaleItsCatalogStates() throws IOException {
		byte[] mug = Files.readAllBytes(SAMPLES.resolve("photos/mug-clay-01.png"));
		double unstated = drawnHeight(mug, Placement.TABLETOP, 0);
		double large = drawnHeight(mug, Placement.TABLETOP, 40);
		double half = drawnHeight(mug, Placement.TABLETOP, 20);
		double tiny = drawnHeight(mug, Placement.TABLETOP, 2);

		assertThat(large).as("a product of its placement's typical size takes the template's scale")
			.isCloseTo(unstated, within(1.0));
		assertThat(drawnHeight(mug, Placement.TABLETOP, 120)).as("and no product more")
			.isCloseTo(unstated, within(1.0));
		assertThat(half / large).as("half the size, half as tall").isCloseTo(0.5, within(0.02));
		assertThat(tiny / large).as("the smallest still visible").isCloseTo(SceneStyle.LEAST_SHARE, within(0.02));
		byte[] frame = Files.readAllBytes(SAMPLES.resolve("photos/frame-17.png"));
		assertThat(drawnHeight(frame, Placement.WALL, 30) / drawnHeight(frame, Placement.WALL, 60))
			.as("on the wall as well")
			.isCloseTo(0.5, within(0.02));
		assertThat(new SceneStyle(LIVING.wallTop(), LIVING.wallBottom(), LIVING.floor(), 0.5, Placement.FLOOR,
				Surface.PLAIN, SceneStyle.View.TOP_DOWN, 75, 0, List.of())
			.productShare()).as("a flat lay too, by its placement's typical size").isCloseTo(0.25, within(1e-9));
		assertThat(LIVING.withSize(2, 4).productShare()).as("a ring against the jewellery templates' 4 cm")
			.isCloseTo(0.5 * LIVING.productScale(), within(1e-9));
		assertThatIllegalArgumentException().isThrownBy(() -> LIVING.withSize(-1, 0))
			.withMessage("a product's size must be 0 (unknown) or more, was -1.0");
	}

	/** The height of the product's box in a 512² scene, in pixels. */
	private static double drawnHeight(byte[] photo, Placement placement, double sizeCm) {
		SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest("a product", "", 7, 512, 512, photo,
				SceneStyle.of(List.of("#efe9df", "#ddd3c4", "#a78b6d"), LIVING.productScale(), placement)
					.withSize(sizeCm, 0),
				Sampling.DEFAULT));
		int[] box = box(scene.productAlpha(), 512);
		return box[3] - box[1] + 1;
	}

	@Test
	void shouldKeepEveryClearlyVisiblePartOfEachSampleProduct() throws IOException {
		ProductMatte keyer = ProductMatte.named("keyer", null);
		for (Sample sample : samples()) {
			BufferedImage photo = Png.decode(Files.readAllBytes(SAMPLES.resolve(sample.photo())));
			Matte matte = keyer.matte(photo);
			int width = photo.getWidth();
			boolean[] far = new boolean[width * photo.getHeight()];
			for (int y = 0; y < photo.getHeight(); y++) {
				for (int x = 0; x < width; x++) {
					double[] lab = Lab.of(photo.getRGB(x, y));
					far[y * width + x] = Math.hypot(100 - lab[0], Math.hypot(lab[1], lab[2])) > 20;
				}
			}
			long lost = 0;
			for (int y = 1; y < photo.getHeight() - 1; y++) {
				for (int x = 1; x < width - 1; x++) {
					int i = y * width + x;
					// inside a part, not on its anti-aliased rim
					boolean inside = far[i] && far[i - 1] && far[i + 1] && far[i - width] && far[i + width];
					if (inside && matte.alphaAt(x, y) < 128) {
						lost++;
					}
				}
			}
			// a dark handle that a flat-grey rule once took for a cast shadow is product
			assertThat(lost).as(sample.sku() + ": pixels inside parts far from the white backdrop, cut away").isZero();
		}
	}

	/**
	 * The white mug on white, cut out by the default matte and placed in every
	 * kind of scene: on a table, on the floor, on the wall, hanging, in a flat lay, on
	 * each surface. The product's coverage in the scene is compared with its true mask
	 * carried into the scene through the same placement.
	 */
	@Test
	void shouldKeepTheWhiteMugOnWhiteWholeInEveryScene() {
		MatteTestSet.Case mug = MatteTestSet.cases(512).get(0);
		assertThat(mug.name()).isEqualTo("white mug on white");
		byte[] photo = Png.encode(mug.photo());
		List<String> palette = List.of("#f7f7f5", "#e9e8e4", "#dcdad4");
		List<SceneStyle> scenes = new ArrayList<>();
		for (Placement placement : Placement.values()) {
			scenes.add(SceneStyle.of(palette, 0.6, placement, Surface.PLAIN, SceneStyle.View.FRONT));
		}
		for (Surface surface : Surface.values()) {
			scenes.add(SceneStyle.of(palette, 0.55, Placement.TABLETOP, surface, SceneStyle.View.FRONT));
			scenes.add(SceneStyle.of(palette, 0.55, Placement.TABLETOP, surface, SceneStyle.View.TOP_DOWN));
		}
		for (SceneStyle style : scenes) {
			for (long seed : new long[] { 3, 42 }) {
				SceneComposer.Composition scene = SceneComposer
					.compose(new ImageRequest("white mug", "", seed, 640, 512, photo, style, Sampling.DEFAULT));
				float[] truth = inScene(mug.truth(), 512, scene);
				assertThat(iou(scene.productAlpha(), truth))
					.as("%s %s %s, seed %d", style.placement(), style.surface(), style.view(), seed)
					.isGreaterThanOrEqualTo(0.95);
			}
		}
	}

	/**
	 * A template's props stand beside the product on the floor (or lie beside it in a
	 * flat lay), outside its box, and leave the product and its mask as they were.
	 */
	@Test
	void shouldDrawPropsBesideTheProductOutsideItsBoxAndItsMask() throws IOException {
		byte[] mug = Files.readAllBytes(SAMPLES.resolve("photos/mug-clay-01.png"));
		List<Prop> props = List.of(Prop.VASE, Prop.BOOKS, Prop.PLANT, Prop.CANDLE);
		Path previews = Path.of("target", "props");
		Files.createDirectories(previews);
		for (SceneStyle.View view : SceneStyle.View.values()) {
			for (long seed : new long[] { 1, 7, 42 }) {
				SceneStyle plain = SceneStyle.of(List.of("#efe9df", "#ddd3c4", "#a78b6d"), 0.4, Placement.TABLETOP,
						Surface.WOOD, view);
				SceneComposer.Composition without = SceneComposer
					.compose(new ImageRequest("mug", "", seed, 768, 512, mug, plain, Sampling.DEFAULT));
				SceneComposer.Composition with = SceneComposer.compose(
						new ImageRequest("mug", "", seed, 768, 512, mug, plain.withProps(props), Sampling.DEFAULT));
				Files.write(previews.resolve(view + "-" + seed + ".png"), Png.encode(with.scene()));
				String what = view + ", seed " + seed;

				assertThat(with.productAlpha()).as(what + ": the product's mask as without props")
					.isEqualTo(without.productAlpha());
				int[] box = box(with.productAlpha(), 768);
				assertThat(with.props()).as(what + ": room on both sides").hasSizeGreaterThanOrEqualTo(2);
				for (Rectangle2D prop : with.props()) {
					assertThat(prop.intersects(box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1))
						.as(what + ": %s outside the product's box %s", prop, Arrays.toString(box))
						.isFalse();
					if (view == SceneStyle.View.FRONT) {
						assertThat(prop.getMaxY()).as(what + ": standing on the floor").isGreaterThan(with.horizon());
					}
					assertThat(changedShare(without, with, prop)).as(what + ": %s drawn", prop).isGreaterThan(0.25);
				}
				for (int i = 0; i < with.productAlpha().length; i++) {
					if (with.productAlpha()[i] == 1f) {
						assertThat(with.scene().getRGB(i % 768, i / 768)).as(what + ": the product's own pixel %d", i)
							.isEqualTo(without.scene().getRGB(i % 768, i / 768));
					}
				}
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Prop.of(List.of("vase", "lamp")))
			.withMessage("prop 'lamp' is not one of books, vase, sphere, candle, plant");
	}

	/**
	 * The share of a box's pixels that differ between two scenes by more than a little.
	 */
	private static double changedShare(SceneComposer.Composition a, SceneComposer.Composition b, Rectangle2D box) {
		int changed = 0;
		int all = 0;
		for (int y = (int) box.getMinY(); y < (int) box.getMaxY(); y++) {
			for (int x = (int) box.getMinX(); x < (int) box.getMaxX(); x++) {
				int p = a.scene().getRGB(x, y);
				int q = b.scene().getRGB(x, y);
				int difference = Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF))
						+ Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)) + Math.abs((p & 0xFF) - (q & 0xFF));
				changed += (difference > 24) ? 1 : 0;
				all++;
			}
		}
		return (double) changed / all;
	}

	/** A mask of the photo carried into the scene the way the product was. */
	private static float[] inScene(byte[] mask, int size, SceneComposer.Composition scene) {
		BufferedImage photoMask = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		for (int i = 0; i < mask.length; i++) {
			photoMask.setRGB(i % size, i / size, (mask[i] & 0xFF) << 24);
		}
		int width = scene.scene().getWidth();
		int height = scene.scene().getHeight();
		BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		java.awt.Graphics2D g = layer.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
				java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(photoMask, scene.photoToScene(), null);
		g.dispose();
		float[] alpha = new float[width * height];
		for (int i = 0; i < alpha.length; i++) {
			alpha[i] = (layer.getRGB(i % width, i / width) >>> 24) / 255f;
		}
		return alpha;
	}

	private static double iou(float[] a, float[] b) {
		long both = 0;
		long either = 0;
		for (int i = 0; i < a.length; i++) {
			boolean inA = a[i] >= 0.5f;
			boolean inB = b[i] >= 0.5f;
			both += (inA && inB) ? 1 : 0;
			either += (inA || inB) ? 1 : 0;
		}
		return (double) both / either;
	}

	/** minX, minY, maxX, maxY of the pixels at least half product. */
	private static int[] box(float[] alpha, int width) {
		int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
		for (int i = 0; i < alpha.length; i++) {
			if (alpha[i] >= 0.5f) {
				int x = i % width;
				int y = i / width;
				box[0] = Math.min(box[0], x);
				box[1] = Math.min(box[1], y);
				box[2] = Math.max(box[2], x);
				box[3] = Math.max(box[3], y);
			}
		}
		return box;
	}

	private static int luma(SceneComposer.Composition scene, int x, int y) {
		int rgb = scene.scene().getRGB(x, y);
		return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
	}

	record Sample(String sku, String title, String photo, Placement placement) {
	}

	/** The sample catalog's products, with where their words say they belong. */
	static List<Sample> samples() throws IOException {
		List<Sample> samples = new ArrayList<>();
		for (String line : Files.readAllLines(SAMPLES.resolve("catalog.csv"))) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				samples.add(new Sample(row.group(1), row.group(2), row.group(3), Placement.of("auto", row.group(2))));
			}
		}
		return samples;
	}

}
