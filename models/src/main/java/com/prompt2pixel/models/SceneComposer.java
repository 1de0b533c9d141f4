package com.prompt2pixel.models;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scene every backend starts from: the product cut out of its photo (the request's
 * {@link ProductMatte}) and placed where it belongs ({@link Placement}: standing on the
 * floor with a soft contact shadow, on the wall with a shadow on the wall, or hanging
 * from a cord) on a backdrop painted from the template's palette (wall gradient, floor, a
 * light spot), and where the product ended up. The compositor's image is this scene; the
 * DJL engine starts img2img or inpainting from it and lays the product's own pixels back;
 * the AUTOMATIC1111 backend sends it with the product's mask. The seed moves the light,
 * the horizon and the product a little, so variants differ and a seed always reproduces
 * its scene.
 */
public final class SceneComposer {

	private SceneComposer() {
	}

	/**
	 * The painted scene with the product placed in it, and where the product is.
	 * @throws IllegalArgumentException when the request's photo is not a readable image
	 */
	public static Composition compose(ImageRequest request) {
		CutOuts.Cut cut = CutOuts.of(request.productPhoto(), request.matte());
		BufferedImage product = cut.product();
		SplittableRandom random = new SplittableRandom(request.seed());
		int width = request.width();
		int height = request.height();
		SceneStyle style = request.style();
		double horizon = height * (0.58 + 0.08 * random.nextDouble());

		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		AffineTransform placement;
		Graphics2D g = canvas.createGraphics();
		try {
			quality(g);
			paintBackdrop(g, width, height, horizon, style, random);
			placement = paintProduct(g, product, width, height, horizon, style, random);
		}
		finally {
			g.dispose();
		}
		BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D productOnly = layer.createGraphics();
		try {
			quality(productOnly);
			productOnly.drawImage(product, placement, null);
		}
		finally {
			productOnly.dispose();
		}
		int[] argb = layer.getRGB(0, 0, width, height, null, 0, width);
		float[] alpha = new float[argb.length];
		for (int i = 0; i < argb.length; i++) {
			alpha[i] = (argb[i] >>> 24) / 255f;
		}
		return new Composition(canvas, alpha, cut.method(), cut.confidence(), horizon);
	}

	private static void quality(Graphics2D g) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
	}

	/**
	 * A scene and its product's coverage.
	 *
	 * @param scene the painted scene with the product in it
	 * @param productAlpha per pixel, row by row: 1 where the product is, 0 where it is
	 * not, between on its soft edge
	 * @param matteMethod how the product was cut out of its photo
	 * @param matteConfidence that cut's confidence, 0 to 1
	 * @param horizon the row where the wall meets the floor
	 */
	public record Composition(BufferedImage scene, float[] productAlpha, String matteMethod, double matteConfidence,
			double horizon) {

		/**
		 * Lays the product's own pixels over an image of the scene's size (interleaved
		 * 8-bit RGB, changed in place) through the product's soft-edged mask: whatever a
		 * model drew there, the product stays the product.
		 */
		public void overlayProduct(byte[] rgb) {
			int width = this.scene.getWidth();
			int[] kept = this.scene.getRGB(0, 0, width, this.scene.getHeight(), null, 0, width);
			for (int p = 0; p < this.productAlpha.length; p++) {
				float a = this.productAlpha[p];
				if (a <= 0f) {
					continue;
				}
				for (int c = 0; c < 3; c++) {
					int scenePart = (kept[p] >> (16 - 8 * c)) & 0xFF;
					int drawn = rgb[3 * p + c] & 0xFF;
					rgb[3 * p + c] = (byte) Math.round(a * scenePart + (1 - a) * drawn);
				}
			}
		}

	}

	private static void paintBackdrop(Graphics2D g, int width, int height, double horizon, SceneStyle style,
			SplittableRandom random) {
		g.setPaint(new GradientPaint(0, 0, style.wallTop(), 0, (float) horizon, style.wallBottom()));
		g.fill(new Rectangle2D.Double(0, 0, width, horizon));
		g.setPaint(new GradientPaint(0, (float) horizon, style.floor().brighter(), 0, height, style.floor()));
		g.fill(new Rectangle2D.Double(0, horizon, width, height - horizon));

		float lightX = (float) (width * (0.2 + 0.6 * random.nextDouble()));
		float radius = (float) (Math.max(width, height) * 0.75);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(lightX, height * 0.12f), radius, new float[] { 0f, 1f },
				new Color[] { new Color(255, 255, 240, 110), new Color(255, 255, 240, 0) }));
		g.fill(new Rectangle2D.Double(0, 0, width, height));

		g.setPaint(new RadialGradientPaint(new Point2D.Float(width / 2f, height / 2f), radius,
				new float[] { 0.55f, 1f }, new Color[] { new Color(0, 0, 0, 0), new Color(0, 0, 0, 70) }));
		g.fill(new Rectangle2D.Double(0, 0, width, height));
	}

	/**
	 * Places the product where its kind belongs and paints it with its shadow: standing
	 * on the floor's near edge (tabletop) or further forward and larger (floor), on the
	 * wall at eye height with a soft shadow on the wall behind it, or hanging from a cord
	 * that runs off the top of the frame.
	 */
	private static AffineTransform paintProduct(Graphics2D g, BufferedImage product, int width, int height,
			double horizon, SceneStyle style, SplittableRandom random) {
		Placement placement = style.placement();
		double maxSide = style.productScale() * Math.min(width, height)
				* ((placement == Placement.WALL || placement == Placement.HANGING) ? 0.8 : 1);
		double scale = Math.min(maxSide / product.getWidth(), maxSide / product.getHeight());
		if (placement == Placement.WALL || placement == Placement.HANGING) {
			// whole on the wall, clear of the floor
			scale = Math.min(scale, 0.8 * horizon / product.getHeight());
		}
		double drawnWidth = product.getWidth() * scale;
		double drawnHeight = product.getHeight() * scale;
		double centreX = width / 2.0 + (random.nextDouble() - 0.5) * 0.12 * width;
		double left = Math.max(0, Math.min(width - drawnWidth, centreX - drawnWidth / 2));
		double top = switch (placement) {
			case TABLETOP ->
				Math.max(0, Math.min(height - 0.04 * height, horizon + (height - horizon) * 0.45) - drawnHeight);
			case FLOOR ->
				Math.max(0, Math.min(height - 0.03 * height, horizon + (height - horizon) * 0.75) - drawnHeight);
			// eye height: the product's middle a little above the wall's
			case WALL -> Math.max(0.04 * height, horizon * 0.45 - drawnHeight / 2);
			case HANGING -> Math.max(0.06 * height, Math.min(horizon * 0.9 - drawnHeight, height * 0.14));
		};
		AffineTransform placementTransform = new AffineTransform(scale, 0, 0, scale, left, top);
		switch (placement) {
			case TABLETOP, FLOOR -> paintFloorShadow(g, left + drawnWidth / 2, top + drawnHeight, drawnWidth);
			case WALL -> paintWallShadow(g, product, placementTransform, Math.max(2, drawnHeight * 0.03));
			case HANGING -> paintCord(g, left + drawnWidth / 2, top + drawnHeight * 0.02, width);
		}
		g.setComposite(AlphaComposite.SrcOver);
		g.drawImage(product, placementTransform, null);
		return placementTransform;
	}

	/**
	 * A hanging product's cord, from above the frame to the product's top, in the dark of
	 * a braided flex.
	 */
	private static void paintCord(Graphics2D g, double x, double bottom, int width) {
		Graphics2D cord = (Graphics2D) g.create();
		try {
			cord.setColor(new Color(34, 30, 28));
			cord.setStroke(new BasicStroke((float) Math.max(2, width / 256.0)));
			cord.draw(new Line2D.Double(x, -2, x, bottom));
		}
		finally {
			cord.dispose();
		}
	}

	/**
	 * A product on the wall casts a soft shadow on it, down and to the right of a light
	 * from the upper left: its silhouette, darkened, laid a few times with growing
	 * offsets (a cheap blur); no shadow on the floor.
	 */
	private static void paintWallShadow(Graphics2D g, BufferedImage product, AffineTransform placement, double offset) {
		BufferedImage silhouette = new BufferedImage(product.getWidth(), product.getHeight(),
				BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < product.getHeight(); y++) {
			for (int x = 0; x < product.getWidth(); x++) {
				int alpha = product.getRGB(x, y) >>> 24;
				silhouette.setRGB(x, y, (alpha * 40 / 255) << 24);
			}
		}
		Graphics2D shadow = (Graphics2D) g.create();
		try {
			for (int step = 1; step <= 4; step++) {
				AffineTransform shifted = new AffineTransform();
				shifted.translate(offset * step * 0.6, offset * step * 0.8);
				shifted.concatenate(placement);
				shadow.drawImage(silhouette, shifted, null);
			}
		}
		finally {
			shadow.dispose();
		}
	}

	private static void paintFloorShadow(Graphics2D g, double centreX, double base, double productWidth) {
		double shadowWidth = productWidth * 1.15;
		double shadowHeight = Math.max(4, productWidth * 0.16);
		// a round radial gradient squashed vertically: a soft elliptical contact shadow
		AffineTransform squash = new AffineTransform();
		squash.translate(centreX, base);
		squash.scale(1, shadowHeight / shadowWidth);
		Graphics2D shadow = (Graphics2D) g.create();
		try {
			shadow.transform(squash);
			shadow.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), (float) (shadowWidth / 2),
					new float[] { 0f, 1f }, new Color[] { new Color(0, 0, 0, 120), new Color(0, 0, 0, 0) }));
			shadow.fill(new Ellipse2D.Double(-shadowWidth / 2, -shadowWidth / 2, shadowWidth, shadowWidth));
		}
		finally {
			shadow.dispose();
		}
	}

}
