package com.prompt2pixel.models;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scene every backend starts from: the product cut out of its photo (the request's
 * {@link ProductMatte}) and placed where it belongs, and where the product ended up.
 *
 * <p>
 * A front view has a wall and a floor that recedes to the horizon, the floor showing the
 * template's {@link Surface} (wood, stone, linen, concrete, paper, or a plain backdrop).
 * The product stands on it ({@link Placement}: on the table's near edge, or further
 * forward and larger on the floor) with a contact shadow under its foot and a cast shadow
 * away from the light; hangs on the wall at eye height with a soft shadow on the wall; or
 * hangs from a cord off the top of the frame. A top-down view (a flat lay) is the surface
 * seen from above, the whole frame, with the product lying on it and its shadow beside
 * it: the photo's front view laid flat, which is what a flat lay of a folded shirt, a
 * board or a plate is, not a side view called overhead.
 *
 * <p>
 * The seed moves the light (upper left or upper right, and how far), the horizon (one of
 * four) and the product a little, so variants differ and a seed always reproduces its
 * scene; the surface's grain is the scene's own, the same under every product; every
 * shadow falls away from the light. The compositor's image is this scene; the DJL engine
 * starts img2img or inpainting from it and lays the product's own pixels back; the
 * AUTOMATIC1111 backend sends it with the product's mask.
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
		boolean topDown = style.view() == SceneStyle.View.TOP_DOWN;
		int horizonStep = random.nextInt(SceneSurfaces.HORIZONS.length);
		double horizon = topDown ? 0 : SceneSurfaces.horizonRow(height, horizonStep);
		// -1 far left to 1 far right, never overhead: a shadow always falls to one side
		double light = (random.nextBoolean() ? -1 : 1) * (0.45 + 0.35 * random.nextDouble());

		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		AffineTransform placement;
		BufferedImage layer;
		List<Rectangle2D> props;
		Graphics2D g = canvas.createGraphics();
		try {
			quality(g);
			SceneSurfaces.paint(canvas, style, horizonStep);
			if (topDown) {
				paintLight(g, width, height, light, -0.25 * height);
				placement = placeFlat(product, width, height, style, random);
				layer = productLayer(product, placement, width, height);
				paintLyingShadows(g, product, placement, width, height, light);
			}
			else {
				paintLight(g, width, height, light, 0.12 * height);
				placement = place(product, width, height, horizon, style, random);
				layer = productLayer(product, placement, width, height);
				paintShadows(g, product, placement, width, height, horizon, light, style.placement());
			}
			props = paintProps(g, product, placement, width, height, horizon, light, style);
			g.setComposite(AlphaComposite.SrcOver);
			g.drawImage(layer, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		int[] argb = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
		float[] alpha = new float[argb.length];
		for (int i = 0; i < argb.length; i++) {
			alpha[i] = (argb[i] >>> 24) / 255f;
		}
		AffineTransform photoToScene = new AffineTransform(placement);
		photoToScene.translate(-cut.cutOut().x(), -cut.cutOut().y());
		return new Composition(canvas, alpha, cut.method(), cut.confidence(), horizon, photoToScene, props);
	}

	/**
	 * The product alone, placed, on a clear layer of the scene's size: resampled once,
	 * then laid on the scene and read for its coverage.
	 */
	private static BufferedImage productLayer(BufferedImage product, AffineTransform placement, int width, int height) {
		BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = layer.createGraphics();
		try {
			quality(g);
			g.drawImage(product, placement, null);
		}
		finally {
			g.dispose();
		}
		return layer;
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
	 * @param horizon the row where the wall meets the floor; 0 in a top-down view, which
	 * is all surface
	 * @param photoToScene where a point of the product's photo lands in the scene (the
	 * tests carry a photo's true mask into the scene through it)
	 * @param props the box of each prop drawn beside the product, in the style's order
	 * (one with no room beside the product is left out)
	 */
	public record Composition(BufferedImage scene, float[] productAlpha, String matteMethod, double matteConfidence,
			double horizon, AffineTransform photoToScene, List<Rectangle2D> props) {

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

	/**
	 * The light: a soft bright spot high on the light's side, light falling off across
	 * the frame away from it, and a vignette.
	 */
	private static void paintLight(Graphics2D g, int width, int height, double light, double lightY) {
		float lightX = (float) (width * (0.5 + 0.5 * light));
		float radius = (float) (Math.max(width, height) * 0.8);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(lightX, (float) lightY), radius, new float[] { 0f, 1f },
				new Color[] { new Color(255, 253, 240, 110), new Color(255, 253, 240, 0) }));
		g.fill(new Rectangle2D.Double(0, 0, width, height));
		float dark = (light < 0) ? width : 0;
		g.setPaint(new GradientPaint(width - dark, 0, new Color(0, 0, 0, 0), dark, 0, new Color(0, 0, 0, 34)));
		g.fill(new Rectangle2D.Double(0, 0, width, height));
		g.setPaint(new RadialGradientPaint(new Point2D.Float(width / 2f, height / 2f), radius,
				new float[] { 0.55f, 1f }, new Color[] { new Color(0, 0, 0, 0), new Color(0, 0, 0, 60) }));
		g.fill(new Rectangle2D.Double(0, 0, width, height));
	}

	/**
	 * Where a front view's product goes: standing on the floor's near edge (tabletop) or
	 * further forward (floor), on the wall at eye height, or hanging clear of the floor
	 * below the frame's top.
	 */
	private static AffineTransform place(BufferedImage product, int width, int height, double horizon, SceneStyle style,
			SplittableRandom random) {
		Placement placement = style.placement();
		boolean onWall = placement == Placement.WALL || placement == Placement.HANGING;
		double maxSide = style.productShare() * Math.min(width, height) * (onWall ? 0.8 : 1);
		double scale = Math.min(maxSide / product.getWidth(), maxSide / product.getHeight());
		if (onWall) {
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
		return new AffineTransform(scale, 0, 0, scale, left, top);
	}

	/**
	 * Where a flat lay's product lies: near the middle of the surface, whatever its kind.
	 */
	private static AffineTransform placeFlat(BufferedImage product, int width, int height, SceneStyle style,
			SplittableRandom random) {
		double maxSide = style.productShare() * Math.min(width, height);
		double scale = Math.min(maxSide / product.getWidth(), maxSide / product.getHeight());
		double drawnWidth = product.getWidth() * scale;
		double drawnHeight = product.getHeight() * scale;
		double left = (width - drawnWidth) / 2 + (random.nextDouble() - 0.5) * 0.08 * width;
		double top = (height - drawnHeight) / 2 + (random.nextDouble() - 0.5) * 0.08 * height;
		return new AffineTransform(scale, 0, 0, scale, Math.max(0, Math.min(width - drawnWidth, left)),
				Math.max(0, Math.min(height - drawnHeight, top)));
	}

	/**
	 * A front view's shadows, away from the light. A standing product casts its
	 * silhouette back along the floor, fading and blurring with distance, over a dark
	 * contact shadow under its foot; a product on the wall casts a soft shadow just
	 * beside it; a hanging one, further from the wall, a fainter and softer one, and its
	 * cord runs off the top of the frame.
	 */
	private static void paintShadows(Graphics2D g, BufferedImage product, AffineTransform placement, int width,
			int height, double horizon, double light, Placement kind) {
		double scale = placement.getScaleX();
		double drawnHeight = product.getHeight() * scale;
		double size = Math.min(width, height);
		switch (kind) {
			case TABLETOP, FLOOR -> paintStandingShadows(g, product, placement, width, height, horizon, light);
			case WALL -> {
				double offset = Math.max(2, drawnHeight * 0.035);
				paintShadow(g, product, offset(placement, -light * offset, offset), width, height, 0.012 * size, 0.32f,
						null, null);
			}
			case HANGING -> {
				double offset = Math.max(3, drawnHeight * 0.12);
				paintShadow(g, product, offset(placement, -light * offset, offset), width, height, 0.035 * size, 0.16f,
						null, null);
				double drawnWidth = product.getWidth() * scale;
				paintCord(g, placement.getTranslateX() + drawnWidth / 2, placement.getTranslateY() + drawnHeight * 0.02,
						width);
			}
		}
	}

	/**
	 * What something standing on the floor casts: its silhouette back along the floor,
	 * fading and blurring with distance, over a dark contact shadow under its foot.
	 */
	private static void paintStandingShadows(Graphics2D g, BufferedImage standing, AffineTransform placement, int width,
			int height, double horizon, double light) {
		double scale = placement.getScaleX();
		double drawnHeight = standing.getHeight() * scale;
		double[] foot = footprint(standing);
		double base = placement.getTranslateY() + drawnHeight;
		double footLeft = placement.getTranslateX() + foot[0] * scale;
		double footWidth = Math.max(2, (foot[1] - foot[0]) * scale);
		// no longer than the floor behind it: it does not climb the wall
		double rise = Math.min(0.3, 0.85 * (base - horizon) / drawnHeight);
		double lean = -light * 0.8;
		AffineTransform cast = new AffineTransform(1, 0, -lean, rise, lean * base, base * (1 - rise));
		cast.concatenate(placement);
		double footX = footLeft + footWidth / 2;
		paintShadow(g, standing, cast, width, height, 0.012 * Math.min(width, height), 0.5f,
				new Point2D.Double(footX, base),
				new Point2D.Double(footX + lean * drawnHeight, base - rise * drawnHeight));
		paintContactShadow(g, footX, base, footWidth);
	}

	/**
	 * The style's props beside the product, under the scene's light, each with its
	 * shadows: in a front view they stand on the floor, a little behind the product (on
	 * the table's line when the product is on the wall or hanging); in a flat lay they
	 * lie beside it. The first goes on the side of the product away from the light, the
	 * next on the other side, and so on outwards; one with no room left in the frame is
	 * not drawn. They never overlap the product's box, and the product is laid over the
	 * scene after them, so they are not in its mask.
	 * @return each drawn prop's box
	 */
	private static List<Rectangle2D> paintProps(Graphics2D g, BufferedImage product, AffineTransform placement,
			int width, int height, double horizon, double light, SceneStyle style) {
		List<Rectangle2D> boxes = new ArrayList<>();
		if (style.props().isEmpty()) {
			return boxes;
		}
		double scale = placement.getScaleX();
		Rectangle2D productBox = new Rectangle2D.Double(placement.getTranslateX(), placement.getTranslateY(),
				product.getWidth() * scale, product.getHeight() * scale);
		boolean topDown = style.view() == SceneStyle.View.TOP_DOWN;
		boolean standsOnFloor = style.placement() == Placement.TABLETOP || style.placement() == Placement.FLOOR;
		double base = (topDown || standsOnFloor) ? productBox.getMaxY() - 0.02 * (height - horizon)
				: horizon + (height - horizon) * 0.45;
		double gap = 0.03 * width;
		// the side away from the light first: its shadow falls away from the product
		double[] reach = { productBox.getMinX(), productBox.getMaxX() };
		int side = (light > 0) ? 0 : 1;
		int frameSide = Math.min(width, height);
		for (Prop prop : style.props()) {
			int propHeight = prop.heightIn(frameSide, productBox.getHeight());
			int propWidth = prop.widthAt(propHeight);
			double left = (side == 0) ? reach[0] - gap - propWidth : reach[1] + gap;
			double top = topDown ? productBox.getCenterY() - propHeight / 2.0 + 0.1 * productBox.getHeight()
					: base - propHeight;
			Rectangle2D box = new Rectangle2D.Double(left, top, propWidth, propHeight);
			if (box.getMinX() >= 0 && box.getMaxX() <= width && box.getMinY() >= 0 && box.getMaxY() <= height) {
				BufferedImage image = prop.draw(propHeight, style, light);
				AffineTransform at = AffineTransform.getTranslateInstance(left, top);
				if (topDown) {
					paintLyingShadows(g, image, at, width, height, light);
				}
				else {
					paintStandingShadows(g, image, at, width, height, horizon, light);
				}
				g.drawImage(image, at, null);
				boxes.add(box);
				reach[side] = (side == 0) ? box.getMinX() : box.getMaxX();
			}
			side = 1 - side;
		}
		return boxes;
	}

	/**
	 * A flat lay's shadows: the product lies on the surface, a little above it where it
	 * is thick, so a soft shadow beside it, away from the light, over a tight one where
	 * it touches.
	 */
	private static void paintLyingShadows(Graphics2D g, BufferedImage product, AffineTransform placement, int width,
			int height, double light) {
		double size = Math.min(width, height);
		double offset = 0.035 * size;
		paintShadow(g, product, offset(placement, -light * offset, offset * 0.6), width, height, 0.02 * size, 0.45f,
				null, null);
		paintShadow(g, product, offset(placement, -light * offset * 0.12, offset * 0.1), width, height, 0.004 * size,
				0.28f, null, null);
	}

	private static AffineTransform offset(AffineTransform placement, double dx, double dy) {
		AffineTransform shifted = AffineTransform.getTranslateInstance(dx, dy);
		shifted.concatenate(placement);
		return shifted;
	}

	/**
	 * Where the product touches the ground: the left and right edge, in the cut-out's
	 * pixels, of what is mostly opaque in its lowest rows (a goblet's foot, not its
	 * bowl).
	 */
	private static double[] footprint(BufferedImage product) {
		int width = product.getWidth();
		int height = product.getHeight();
		int rows = Math.max(1, height / 30);
		int[] argb = product.getRGB(0, height - rows, width, rows, null, 0, width);
		int left = width;
		int right = -1;
		for (int i = 0; i < argb.length; i++) {
			if ((argb[i] >>> 24) >= 128) {
				left = Math.min(left, i % width);
				right = Math.max(right, i % width);
			}
		}
		return (right < 0) ? new double[] { 0, width } : new double[] { left, right + 1 };
	}

	/**
	 * The product's silhouette through a transform, blurred, laid on the scene as a
	 * shadow. Drawn and blurred at a fraction of the scene's resolution (a third of the
	 * blur), then scaled up with bilinear interpolation: a blur of any size for the cost
	 * of a seven-tap one. With a fade, the silhouette is opaque at its first point and a
	 * fifth as dark at its second, as a cast shadow thins away from where the product
	 * stands.
	 */
	private static void paintShadow(Graphics2D g, BufferedImage product, AffineTransform toScene, int width, int height,
			double blur, float opacity, Point2D fadeFrom, Point2D fadeTo) {
		Rectangle2D bounds = toScene.createTransformedShape(new Rectangle(product.getWidth(), product.getHeight()))
			.getBounds2D();
		double pad = 3 * blur + 2;
		double x0 = Math.max(0, bounds.getMinX() - pad);
		double y0 = Math.max(0, bounds.getMinY() - pad);
		double x1 = Math.min(width, bounds.getMaxX() + pad);
		double y1 = Math.min(height, bounds.getMaxY() + pad);
		if (x1 <= x0 || y1 <= y0) {
			return;
		}
		double step = Math.max(1, blur / 3);
		BufferedImage small = new BufferedImage((int) Math.ceil((x1 - x0) / step) + 1,
				(int) Math.ceil((y1 - y0) / step) + 1, BufferedImage.TYPE_INT_ARGB);
		AffineTransform toSmall = AffineTransform.getScaleInstance(1 / step, 1 / step);
		toSmall.translate(-x0, -y0);
		Graphics2D s = small.createGraphics();
		try {
			quality(s);
			AffineTransform silhouette = new AffineTransform(toSmall);
			silhouette.concatenate(toScene);
			s.drawImage(product, silhouette, null);
			s.setComposite(AlphaComposite.SrcIn);
			s.setColor(Color.BLACK);
			s.fillRect(0, 0, small.getWidth(), small.getHeight());
			if (fadeFrom != null) {
				Point2D from = toSmall.transform(fadeFrom, null);
				Point2D to = toSmall.transform(fadeTo, null);
				s.setComposite(AlphaComposite.DstIn);
				s.setPaint(new GradientPaint(from, Color.BLACK, to, new Color(0, 0, 0, 51)));
				s.fillRect(0, 0, small.getWidth(), small.getHeight());
			}
		}
		finally {
			s.dispose();
		}
		BufferedImage blurred = blur(7, 1).filter(small, null);
		blurred = blur(1, 7).filter(blurred, null);
		Graphics2D shadow = (Graphics2D) g.create();
		try {
			shadow.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			shadow.setComposite(AlphaComposite.SrcOver.derive(opacity));
			AffineTransform back = AffineTransform.getTranslateInstance(x0, y0);
			back.scale(step, step);
			shadow.drawImage(blurred, back, null);
		}
		finally {
			shadow.dispose();
		}
	}

	/** A seven-tap binomial kernel: about a Gaussian of 1.2 pixels. */
	private static final float[] TAPS = { 1 / 64f, 6 / 64f, 15 / 64f, 20 / 64f, 15 / 64f, 6 / 64f, 1 / 64f };

	/**
	 * One pass of the blur, made for each use: the JDK does not promise that an op is
	 * thread-safe.
	 */
	private static ConvolveOp blur(int width, int height) {
		return new ConvolveOp(new Kernel(width, height, TAPS), ConvolveOp.EDGE_ZERO_FILL, null);
	}

	/**
	 * A hanging product's cord, from above the frame to the product's top, in the dark of
	 * a braided flex.
	 */
	private static void paintCord(Graphics2D g, double x, double bottom, int width) {
		Graphics2D cord = (Graphics2D) g.create();
		try {
			cord.setColor(new Color(34, 30, 28));
			cord.setStroke(new BasicStroke((float) Math.max(3, width / 170.0)));
			cord.draw(new Line2D.Double(x, -2, x, bottom));
		}
		finally {
			cord.dispose();
		}
	}

	/** The dark, tight shadow right under where a standing product touches the floor. */
	private static void paintContactShadow(Graphics2D g, double centreX, double base, double footWidth) {
		double shadowWidth = footWidth * 1.2;
		double shadowHeight = Math.max(3, footWidth * 0.1);
		// a round radial gradient squashed vertically: a soft elliptical contact shadow
		AffineTransform squash = new AffineTransform();
		squash.translate(centreX, base);
		squash.scale(1, shadowHeight / shadowWidth);
		Graphics2D shadow = (Graphics2D) g.create();
		try {
			shadow.transform(squash);
			shadow.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), (float) (shadowWidth / 2),
					new float[] { 0f, 0.5f, 1f },
					new Color[] { new Color(0, 0, 0, 150), new Color(0, 0, 0, 70), new Color(0, 0, 0, 0) }));
			shadow.fill(new Ellipse2D.Double(-shadowWidth / 2, -shadowWidth / 2, shadowWidth, shadowWidth));
		}
		finally {
			shadow.dispose();
		}
	}

}
