package com.prompt2pixel.models;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one compositor scene costs, per surface and view, at the built-in templates' sizes
 * (1024² and a flat lay's 1024×768): the first image of a scene (which paints its
 * surface) and the median of the next ones (which copy it), the sample mug's cut-out
 * cached as in a run. Printed as a table; not run by the build
 * ({@code -Dgroups=benchmark -Dtest=SceneBenchmark}).
 */
@Tag("benchmark")
class SceneBenchmark {

	private static final int ROUNDS = 24;

	@Test
	void shouldMeasureEachSurfaceAndView() throws IOException {
		byte[] mug = Files.readAllBytes(ScenePlacementTest.SAMPLES.resolve("photos/mug-sage-02.png"));
		List<String> palette = List.of("#f3e6cf", "#e2c9a2", "#b98b5a");
		// warm the JIT and the cut-out on a scene size no row below uses
		for (int i = 0; i < 40; i++) {
			SceneComposer.compose(new ImageRequest("mug", "", i, 640, 640, mug,
					SceneStyle.of(palette, 0.5, Placement.TABLETOP, Surface.values()[i % 6], SceneStyle.View.FRONT),
					Sampling.DEFAULT));
		}
		System.out.println("| surface | view | size | first image ms | median ms of the next " + ROUNDS + " |");
		System.out.println("| --- | --- | --- | --- | --- |");
		for (SceneStyle.View view : SceneStyle.View.values()) {
			int height = (view == SceneStyle.View.TOP_DOWN) ? 768 : 1024;
			for (Surface surface : Surface.values()) {
				SceneStyle style = SceneStyle.of(palette, 0.5, Placement.TABLETOP, surface, view);
				double[] millis = new double[ROUNDS + 1];
				for (int round = 0; round <= ROUNDS; round++) {
					long start = System.nanoTime();
					// one seed, so one horizon: the first round paints the surface
					SceneComposer.compose(new ImageRequest("mug", "", 11, 1024, height, mug, style, Sampling.DEFAULT));
					millis[round] = (System.nanoTime() - start) / 1e6;
				}
				double[] next = Arrays.copyOfRange(millis, 1, millis.length);
				Arrays.sort(next);
				System.out.printf("| %s | %s | 1024×%d | %.1f | %.1f |%n", surface, view, height, millis[0],
						next[next.length / 2]);
			}
		}
	}

}
