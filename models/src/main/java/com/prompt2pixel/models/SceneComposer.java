package com.prompt2pixel.models;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scene every backend starts from: the product keyed out of its photo and placed on a
 * backdrop painted from the template's palette (wall gradient, floor, a light spot, a
 * soft floor shadow), and where the product ended up. The compositor's image is this
 * scene; the DJL engine starts img2img or inpainting from it and lays the product's own
 * pixels back; the AUTOMATIC1111 backend sends it with the product's mask. The seed moves
 * the light, the horizon and the product a little, so variants differ and a seed always
 * reproduces its scene.
 */
public final class SceneComposer {

	private SceneComposer() {
	}

	/**
	 * The painted scene with the product placed in it, and where the product is.
	 * @throws IllegalArgumentException when the request's photo is not a readable image
	 */
	public static Composition compose(ImageRequest request) {
		BufferedImage photo = Png.decode(request.productPhoto());
		BufferedImage product = request.matte().matte(photo).cutOut(photo);
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
		return new Composition(canvas, alpha);
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
	 */
	public record Composition(BufferedImage scene, float[] productAlpha) {

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

	private static AffineTransform paintProduct(Graphics2D g, BufferedImage product, int width, int height,
			double horizon, SceneStyle style, SplittableRandom random) {
		double maxSide = style.productScale() * Math.min(width, height);
		double scale = Math.min(maxSide / product.getWidth(), maxSide / product.getHeight());
		double drawnWidth = product.getWidth() * scale;
		double drawnHeight = product.getHeight() * scale;
		double centreX = width / 2.0 + (random.nextDouble() - 0.5) * 0.12 * width;
		double base = Math.min(height - 0.04 * height, horizon + (height - horizon) * 0.45);
		double left = Math.max(0, Math.min(width - drawnWidth, centreX - drawnWidth / 2));
		double top = Math.max(0, base - drawnHeight);

		paintFloorShadow(g, left + drawnWidth / 2, top + drawnHeight, drawnWidth);
		AffineTransform placement = new AffineTransform(scale, 0, 0, scale, left, top);
		g.setComposite(AlphaComposite.SrcOver);
		g.drawImage(product, placement, null);
		return placement;
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
