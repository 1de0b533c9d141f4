package com.prompt2pixel.models;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.ImageFingerprint;
import com.prompt2pixel.models.checks.NearDuplicateCheck.Compared;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The automatic checks on a labelled set the test draws from the sample catalog: good
 * composites (every sample product in three looks), and the same products cut in half
 * (the old keyer's white-on-white failure), stretched, recoloured, blurred, with a halo,
 * and copied with a little noise (a near copy of a good one). Prints each check's recall
 * on its own defect and its precision, and what the four checks cost together on a 1024²
 * image. Not run by the build ({@code -Dgroups=benchmark -Dtest=ImageChecksBenchmark}).
 */
@Tag("benchmark")
class ImageChecksBenchmark {

	private final ProductMatte keyer = ProductMatte.named("keyer", null);

	/** The good images' fingerprints, which every image is compared with. */
	private final List<Compared> good = new ArrayList<>();

	/**
	 * One image of the set: what it is, and which check should trip on it (null: none).
	 */
	private record Item(String defect, String check, ImageChecksTest.Labelled image, BufferedImage photo,
			Matte reference) {
	}

	@Test
	void shouldMeasurePrecisionRecallAndCost() throws IOException {
		List<Item> set = new ArrayList<>();
		for (ScenePlacementTest.Sample sample : ScenePlacementTest.samples()) {
			byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve(sample.photo()));
			BufferedImage decoded = Png.decode(photo);
			Matte reference = this.keyer.matte(decoded);
			for (int look = 0; look < ImageChecksTest.LOOKS.size(); look++) {
				SceneStyle base = ImageChecksTest.LOOKS.get(look);
				SceneStyle style = SceneStyle.of(ImageChecksTest.palette(base), base.productScale(), sample.placement(),
						base.surface(), base.view());
				ImageChecksTest.Labelled good = ImageChecksTest.compose(photo, style, 11 + look, this.keyer);
				set.add(new Item("good", null, good, decoded, reference));
				if (look == 0) {
					set.add(new Item("cut in half", "fidelity",
							ImageChecksTest.compose(photo, style, 11, new ImageChecksTest.HalfCut()), decoded,
							reference));
					set.add(new Item("stretched", "fidelity", good.transformed(stretch(good)), decoded, reference));
					set.add(new Item("recoloured", "fidelity", recoloured(good), decoded, reference));
					set.add(new Item("blurred", "quality", blurred(good), decoded, reference));
					set.add(new Item("halo", "cutout", haloed(good), decoded, reference));
					set.add(new Item("near copy", "near_duplicate",
							new ImageChecksTest.Labelled(NearDuplicateCheckTest.noisy(good.image(), 8, set.size()),
									good.mask(), good.confidence()),
							decoded, reference));
				}
			}
		}
		// each image is compared for near copies with the good ones (itself left out)
		this.good.clear();
		for (Item item : set) {
			if (item.check() == null) {
				this.good.add(new Compared(item.defect() + " " + this.good.size(),
						ImageFingerprint.of(item.image().image())));
			}
		}
		System.out
			.println("| defect | images | fidelity tripped | cutout tripped | quality tripped | near copy tripped |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		String[] checks = { "fidelity", "cutout", "quality", "near_duplicate" };
		List<String> defects = set.stream().map(Item::defect).distinct().toList();
		long[][] byDefect = new long[defects.size()][checks.length + 1];
		List<boolean[]> verdicts = new ArrayList<>();
		for (Item item : set) {
			List<CheckResult> results = checks(item);
			boolean[] trips = new boolean[checks.length];
			int d = defects.indexOf(item.defect());
			byDefect[d][checks.length]++;
			for (int c = 0; c < checks.length; c++) {
				trips[c] = results.get(c).tripped();
				byDefect[d][c] += trips[c] ? 1 : 0;
			}
			verdicts.add(trips);
		}
		for (int d = 0; d < defects.size(); d++) {
			System.out.printf("| %s | %d | %d | %d | %d | %d |%n", defects.get(d), byDefect[d][4], byDefect[d][0],
					byDefect[d][1], byDefect[d][2], byDefect[d][3]);
		}
		System.out.println();
		System.out.println("| check | recall on its defects | precision | false alarms on good images |");
		System.out.println("| --- | --- | --- | --- |");
		for (int c = 0; c < checks.length; c++) {
			long truePositive = 0;
			long positives = 0;
			long alarms = 0;
			long ownDefects = 0;
			long goodAlarms = 0;
			long good = 0;
			for (int i = 0; i < set.size(); i++) {
				Item item = set.get(i);
				boolean mine = checks[c].equals(item.check());
				boolean trips = verdicts.get(i)[c];
				ownDefects += mine ? 1 : 0;
				truePositive += (mine && trips) ? 1 : 0;
				alarms += trips ? 1 : 0;
				positives += (trips && item.check() != null) ? 1 : 0;
				good += (item.check() == null) ? 1 : 0;
				goodAlarms += (item.check() == null && trips) ? 1 : 0;
			}
			System.out.printf("| %s | %.2f (%d of %d) | %.2f (%d of %d trips on a defect) | %d of %d |%n", checks[c],
					(double) truePositive / ownDefects, truePositive, ownDefects,
					(alarms == 0) ? 1.0 : (double) positives / alarms, positives, alarms, goodAlarms, good);
		}
		cost();
	}

	private List<CheckResult> checks(Item item) {
		ImageChecksTest.Labelled image = item.image();
		ImageFingerprint fingerprint = ImageFingerprint.of(image.image());
		List<Compared> others = this.good.stream().filter((other) -> !other.fingerprint().equals(fingerprint)).toList();
		return List.of(ImageChecksTest.FIDELITY.check(image.image(), image.mask(), item.photo(), item.reference()),
				ImageChecksTest.CUTOUT.check(image.image(), image.mask(), image.confidence()),
				ImageChecksTest.QUALITY.check(image.image(), image.mask()),
				NearDuplicateCheckTest.CHECK.check(fingerprint, others));
	}

	private void cost() throws IOException {
		byte[] photo = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/vase-13.png"));
		BufferedImage decoded = Png.decode(photo);
		Matte reference = this.keyer.matte(decoded);
		SceneComposer.Composition scene = SceneComposer.compose(new ImageRequest("vase", "", 3, 1024, 1024, photo,
				ImageChecksTest.LOOKS.get(1), Sampling.DEFAULT, this.keyer));
		byte[] mask = new byte[scene.productAlpha().length];
		for (int i = 0; i < mask.length; i++) {
			mask[i] = (byte) Math.round(255 * scene.productAlpha()[i]);
		}
		Item item = new Item("good", null, new ImageChecksTest.Labelled(scene.scene(), mask, 1.0), decoded, reference);
		for (int i = 0; i < 60; i++) {
			checks(item);
		}
		double[] millis = new double[31];
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			checks(item);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		double[] fingerprints = new double[31];
		for (int i = 0; i < fingerprints.length; i++) {
			long start = System.nanoTime();
			ImageFingerprint.of(scene.scene());
			fingerprints[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(fingerprints);
		System.out.printf(
				"%nthe four checks together on a 1024x1024 image (the near-copy check against the %d good "
						+ "images), median of 31 after 60 warm-ups: %.1f ms (the fingerprint alone: %.1f ms)%n",
				this.good.size(), millis[15], fingerprints[15]);
		try (TorchImageClassifier classifier = TorchImageClassifier.load(TorchImageClassifierTest.TINY, "cpu")) {
			for (int i = 0; i < 30; i++) {
				classifier.unsafe(scene.scene());
			}
			for (int i = 0; i < millis.length; i++) {
				long start = System.nanoTime();
				classifier.unsafe(scene.scene());
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			System.out.printf("the safety classifier (the tiny 64x64 test model, on the CPU) on a 1024x1024 image, "
					+ "median of 31 after 30 warm-ups: %.1f ms%n", millis[15]);
		}
	}

	private static AffineTransform stretch(ImageChecksTest.Labelled good) {
		int[] box = new int[] { good.image().getWidth(), 0 };
		int width = good.image().getWidth();
		for (int i = 0; i < good.mask().length; i++) {
			if ((good.mask()[i] & 0xFF) >= 128) {
				box[0] = Math.min(box[0], i % width);
				box[1] = Math.max(box[1], i % width);
			}
		}
		// 25% wider about the product's middle
		double middle = (box[0] + box[1]) / 2.0;
		AffineTransform wider = AffineTransform.getTranslateInstance(middle, 0);
		wider.scale(1.25, 1);
		wider.translate(-middle, 0);
		return wider;
	}

	private static ImageChecksTest.Labelled recoloured(ImageChecksTest.Labelled good) {
		BufferedImage image = ImageChecksTest.copy(good.image());
		int width = image.getWidth();
		for (int i = 0; i < good.mask().length; i++) {
			if ((good.mask()[i] & 0xFF) >= 128) {
				int rgb = image.getRGB(i % width, i / width);
				// a hue turned a third of the way round: red to green, green to blue
				image.setRGB(i % width, i / width,
						((rgb & 0xFF) << 16) | (((rgb >> 16) & 0xFF) << 8) | ((rgb >> 8) & 0xFF));
			}
		}
		return new ImageChecksTest.Labelled(image, good.mask(), good.confidence());
	}

	private static ImageChecksTest.Labelled blurred(ImageChecksTest.Labelled good) {
		BufferedImage image = good.image();
		float[] taps = new float[9];
		Arrays.fill(taps, 1 / 9f);
		for (int pass = 0; pass < 2; pass++) {
			image = new ConvolveOp(new Kernel(9, 1, taps), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
			image = new ConvolveOp(new Kernel(1, 9, taps), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
		}
		return new ImageChecksTest.Labelled(image, good.mask(), good.confidence());
	}

	private static ImageChecksTest.Labelled haloed(ImageChecksTest.Labelled good) {
		BufferedImage image = ImageChecksTest.copy(good.image());
		int width = image.getWidth();
		for (int i = 0; i < good.mask().length; i++) {
			int m = good.mask()[i] & 0xFF;
			if (m > 25 && m < 230) {
				int luma = (((image.getRGB(i % width, i / width) >> 8) & 0xFF) > 128) ? 0x202020 : 0xF4F4F4;
				image.setRGB(i % width, i / width, luma);
			}
		}
		return new ImageChecksTest.Labelled(image, good.mask(), good.confidence());
	}

}
