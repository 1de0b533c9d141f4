package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scene's wall and floor, painted in the palette's colours with the surface's texture,
 * before the light and the product: the same for every product and variant of one scene
 * template at one horizon, so painted once and kept. A brand's table is one table: its
 * grain comes from the surface, not from the image's seed, and a run's scenes show the
 * same wood. The texture costs 25 to 100 ms to paint at 1024² by surface, a copy of the
 * cached pixels well under one (docs/BENCHMARKS.md, 2026-12-02).
 */
final class SceneSurfaces {

	/** The horizons a front view's seed chooses from, as shares of the image's height. */
	static final double[] HORIZONS = { 0.58, 0.607, 0.633, 0.66 };

	private static final int MOST_ENTRIES = 12;

	/**
	 * Bounded by pixels too (64 MB of them), so that a few huge scenes cannot fill the
	 * heap: twelve 1024² scenes fit, three 2048² ones.
	 */
	private static final long MOST_PIXELS = 16_000_000L;

	private static final Map<Key, int[]> RECENT = new LinkedHashMap<>(MOST_ENTRIES, 0.75f, true);

	private static long cachedPixels;

	private SceneSurfaces() {
	}

	/**
	 * Paints the scene's wall and floor (a front view, its wall meeting the floor at the
	 * horizon) or its surface (a top-down view) over the whole canvas.
	 * @param canvas a {@code TYPE_INT_RGB} image of the scene's size
	 * @param horizon the horizon's index in {@link #HORIZONS}; ignored in a top-down view
	 */
	static void paint(BufferedImage canvas, SceneStyle style, int horizon) {
		int width = canvas.getWidth();
		int height = canvas.getHeight();
		boolean topDown = style.view() == SceneStyle.View.TOP_DOWN;
		Key key = new Key(style.wallTop(), style.wallBottom(), style.floor(), style.surface(), topDown, width, height,
				topDown ? 0 : horizon);
		int[] painted;
		synchronized (RECENT) {
			painted = RECENT.get(key);
		}
		if (painted == null) {
			painted = paintNew(key, style);
			synchronized (RECENT) {
				if (RECENT.putIfAbsent(key, painted) == null) {
					cachedPixels += painted.length;
					Iterator<int[]> eldest = RECENT.values().iterator();
					while ((RECENT.size() > MOST_ENTRIES || cachedPixels > MOST_PIXELS) && eldest.hasNext()) {
						int[] dropped = eldest.next();
						if (dropped == painted) {
							break;
						}
						cachedPixels -= dropped.length;
						eldest.remove();
					}
				}
			}
		}
		int[] target = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
		System.arraycopy(painted, 0, target, 0, target.length);
	}

	/** The row of a front view's horizon. */
	static double horizonRow(int height, int horizon) {
		return height * HORIZONS[horizon];
	}

	private static int[] paintNew(Key key, SceneStyle style) {
		int width = key.width();
		int height = key.height();
		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
		// the grain's seed is the surface's, so that one scene's images share one table
		long grain = 0x5DEECE66DL * (style.surface().ordinal() + 1);
		Graphics2D g = canvas.createGraphics();
		try {
			if (key.topDown()) {
				g.setColor(style.floor());
				g.fillRect(0, 0, width, height);
				SurfaceTexture.paintTopDown(pixels, width, height, style.surface(), grain);
			}
			else {
				double horizon = horizonRow(height, key.horizon());
				paintWallAndFloor(g, width, height, horizon, style);
				SurfaceTexture.paintFront(pixels, width, height, horizon, style.surface(), grain);
			}
		}
		finally {
			g.dispose();
		}
		return pixels;
	}

	/**
	 * A front view's wall and floor in the palette's colours, before the surface's
	 * texture.
	 */
	private static void paintWallAndFloor(Graphics2D g, int width, int height, double horizon, SceneStyle style) {
		g.setPaint(new GradientPaint(0, 0, style.wallTop(), 0, (float) horizon, style.wallBottom()));
		g.fill(new Rectangle2D.Double(0, 0, width, horizon));
		g.setPaint(new GradientPaint(0, (float) horizon, style.floor().brighter(), 0, height, style.floor()));
		g.fill(new Rectangle2D.Double(0, horizon, width, height - horizon));
		// the wall darkens a little where it meets the floor (ambient occlusion)
		float band = (float) Math.max(2, 0.03 * height);
		g.setPaint(new GradientPaint(0, (float) horizon - band, new Color(0, 0, 0, 0), 0, (float) horizon,
				new Color(0, 0, 0, 38)));
		g.fill(new Rectangle2D.Double(0, horizon - band, width, band));
	}

	private record Key(Color wallTop, Color wallBottom, Color floor, Surface surface, boolean topDown, int width,
			int height, int horizon) {
	}

}
