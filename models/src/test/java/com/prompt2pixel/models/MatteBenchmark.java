package com.prompt2pixel.models;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.prompt2pixel.models.MatteTestSet.Case;
import com.prompt2pixel.models.MatteTestSet.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mask quality and cost of each matte on the test set the project draws: mean and worst
 * IoU and boundary F-score (2 px) per kind of case, and the milliseconds a 1024² photo
 * takes. Printed as tables; not run by the build ({@code -Dgroups=benchmark}).
 */
@Tag("benchmark")
class MatteBenchmark {

	/** {@code -Dmatte.size=N}: the size the test set is drawn at, 512 by default. */
	private static final int SIZE = Integer.getInteger("matte.size", 512);

	@Test
	void shouldMeasureEachMatteOnTheTestSet() {
		List<Case> cases = MatteTestSet.cases(SIZE);
		ProductMatte keyer = ProductMatte.named("keyer", null);
		ProductMatte alpha = ProductMatte.named("alpha", null);
		Map<Kind, List<double[]>> byKind = new EnumMap<>(Kind.class);
		System.out.println("| case | kind | IoU | boundary F | confidence |");
		System.out.println("| --- | --- | --- | --- | --- |");
		for (Case c : cases) {
			ProductMatte matte = (c.kind() == Kind.TRANSPARENT) ? alpha : keyer;
			Matte made = matte.matte(c.photo());
			save(c, made);
			double iou = MatteTestSet.iou(made.alpha(), c.truth());
			double f = MatteTestSet.boundaryF(made.alpha(), c.truth(), SIZE, 2);
			byKind.computeIfAbsent(c.kind(), (kind) -> new ArrayList<>()).add(new double[] { iou, f });
			System.out.printf("| %s | %s (%s) | %.3f | %.3f | %.2f |%n", c.name(), c.kind(), made.method(), iou, f,
					made.confidence());
		}
		System.out.println();
		System.out.println("| kind | cases | mean IoU | worst IoU | mean boundary F |");
		System.out.println("| --- | --- | --- | --- | --- |");
		byKind.forEach((kind, scores) -> System.out.printf("| %s | %d | %.3f | %.3f | %.3f |%n", kind, scores.size(),
				scores.stream().mapToDouble((s) -> s[0]).average().orElse(0),
				scores.stream().mapToDouble((s) -> s[0]).min().orElse(0),
				scores.stream().mapToDouble((s) -> s[1]).average().orElse(0)));
		System.out.println();
		List<Case> large = MatteTestSet.cases(1024);
		System.out.printf(
				"keyer, 1024x1024, median of 51 after 150 warm-ups: %.1f ms (plain red mug), %.1f ms (white mug on white)%n",
				millis(keyer, find(large, "red mug on white")), millis(keyer, find(large, "white mug on white")));
		try (ProductMatte model = ProductMatte.named("model", SegmentationMatteTest.TINY)) {
			System.out
				.printf("model (the tiny 128² test model, on the CPU), 1024x1024, median of 51 after 150 warm-ups: "
						+ "%.1f ms%n", millis(model, find(large, "red mug on white")));
		}
		System.out.printf("alpha, 1024x1024, median of 51 after 150 warm-ups: %.1f ms%n",
				millis(alpha, find(large, "red mug, transparent")));
	}

	/**
	 * With {@code -Dmatte.previews=DIR}, each case's photo, true mask and cut (over a
	 * checkerboard) side by side, to look at.
	 */
	private static void save(Case c, Matte made) {
		String folder = System.getProperty("matte.previews");
		if (folder == null) {
			return;
		}
		BufferedImage sheet = new BufferedImage(3 * SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		g.drawImage(c.photo(), 0, 0, null);
		g.drawImage(new Matte(SIZE, SIZE, c.truth(), 1, "truth").mask(), SIZE, 0, null);
		g.drawImage(made.preview(c.photo()), 2 * SIZE, 0, null);
		g.dispose();
		try {
			Files.createDirectories(Path.of(folder));
			ImageIO.write(sheet, "png", Path.of(folder, c.name().replaceAll("[^a-z0-9]+", "-") + ".png").toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage find(List<Case> cases, String name) {
		return cases.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow().photo();
	}

	private static double millis(ProductMatte matte, BufferedImage photo) {
		// a batch worker keys photo after photo: the steady state, once the JIT has
		// compiled
		for (int i = 0; i < 150; i++) {
			matte.matte(photo);
		}
		double[] times = new double[51];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			matte.matte(photo);
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

}
