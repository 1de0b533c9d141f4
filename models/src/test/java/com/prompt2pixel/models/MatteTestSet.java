package com.prompt2pixel.models;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Product photos with their true masks, drawn by this program (not by hand, not from the
 * internet): the cases a cut-out gets wrong. White and near-white products on white, dark
 * on dark, glass, thin handles, soft and hard shadows, gradient and textured backgrounds,
 * products with holes, transparent PNGs, and plain coloured products as the easy
 * baseline. Each product is shaded like a lit solid (a cylinder's light and dark sides);
 * a shadow is drawn on the background and is never part of the true mask.
 */
final class MatteTestSet {

	/** The kinds of case, for reporting per kind. */
	enum Kind {

		WHITE_ON_WHITE, NEAR_WHITE, DARK_ON_DARK, GLASS, THIN, SOFT_SHADOW, HARD_SHADOW, GRADIENT, TEXTURED, HOLES,
		TRANSPARENT, PLAIN

	}

	/**
	 * @param name what it shows
	 * @param kind its kind
	 * @param photo the photo
	 * @param truth the true alpha, 255 where the product is, row by row
	 */
	record Case(String name, Kind kind, BufferedImage photo, byte[] truth) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private enum Product {

		MUG, VASE, BOWL, RING, FRAME, TUMBLER, WIRE_CUP

	}

	private enum Backdrop {

		WHITE(0xFFFFFF), OFF_WHITE(0xF6F4F0), LIGHT_GREY(0xE4E4E4), DARK_GREY(0x3A3A3A), BLACK(0x0C0C0C),
		GRADIENT(0xFAFAFA), LINEN(0xEDE6DA), TRANSPARENT(0);

		final int rgb;

		Backdrop(int rgb) {
			this.rgb = rgb;
		}

	}

	private enum Shadow {

		NONE, SOFT, HARD

	}

	private MatteTestSet() {
	}

	/** Every case at this size (square). */
	static List<Case> cases(int size) {
		List<Case> cases = new ArrayList<>();
		add(cases, size, "white mug on white", Kind.WHITE_ON_WHITE, Product.MUG, 0xFCFCFB, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "white mug on off-white", Kind.WHITE_ON_WHITE, Product.MUG, 0xFFFFFF, Backdrop.OFF_WHITE,
				Shadow.NONE);
		add(cases, size, "white mug on white, soft shadow", Kind.WHITE_ON_WHITE, Product.MUG, 0xFCFCFB, Backdrop.WHITE,
				Shadow.SOFT);
		add(cases, size, "white bowl on white", Kind.WHITE_ON_WHITE, Product.BOWL, 0xFDFDFD, Backdrop.WHITE,
				Shadow.NONE);
		add(cases, size, "cream vase on white", Kind.NEAR_WHITE, Product.VASE, 0xF3EBDB, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "light grey bowl on white", Kind.NEAR_WHITE, Product.BOWL, 0xDADADA, Backdrop.WHITE,
				Shadow.NONE);
		add(cases, size, "ivory mug on a light grey gradient", Kind.NEAR_WHITE, Product.MUG, 0xF8F4E8,
				Backdrop.GRADIENT, Shadow.NONE);
		add(cases, size, "black mug on dark grey", Kind.DARK_ON_DARK, Product.MUG, 0x1A1A1A, Backdrop.DARK_GREY,
				Shadow.NONE);
		add(cases, size, "navy vase on black", Kind.DARK_ON_DARK, Product.VASE, 0x1C2440, Backdrop.BLACK, Shadow.NONE);
		add(cases, size, "charcoal bowl on black", Kind.DARK_ON_DARK, Product.BOWL, 0x2A2A2A, Backdrop.BLACK,
				Shadow.NONE);
		add(cases, size, "clear tumbler on white", Kind.GLASS, Product.TUMBLER, 0x9FB8C0, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "clear tumbler on light grey", Kind.GLASS, Product.TUMBLER, 0x8FA8B0, Backdrop.LIGHT_GREY,
				Shadow.NONE);
		add(cases, size, "cup with a wire handle on white", Kind.THIN, Product.WIRE_CUP, 0xC0392B, Backdrop.WHITE,
				Shadow.NONE);
		add(cases, size, "white cup with a wire handle on white", Kind.THIN, Product.WIRE_CUP, 0xF7F7F7, Backdrop.WHITE,
				Shadow.NONE);
		add(cases, size, "red mug on white, soft shadow", Kind.SOFT_SHADOW, Product.MUG, 0xC0392B, Backdrop.WHITE,
				Shadow.SOFT);
		add(cases, size, "blue vase on white, soft shadow", Kind.SOFT_SHADOW, Product.VASE, 0x2E5E9E, Backdrop.WHITE,
				Shadow.SOFT);
		add(cases, size, "green bowl on off-white, soft shadow", Kind.SOFT_SHADOW, Product.BOWL, 0x3E8E4E,
				Backdrop.OFF_WHITE, Shadow.SOFT);
		add(cases, size, "orange mug on white, hard shadow", Kind.HARD_SHADOW, Product.MUG, 0xE67E22, Backdrop.WHITE,
				Shadow.HARD);
		add(cases, size, "teal vase on white, hard shadow", Kind.HARD_SHADOW, Product.VASE, 0x16A085, Backdrop.WHITE,
				Shadow.HARD);
		add(cases, size, "terracotta vase on a gradient", Kind.GRADIENT, Product.VASE, 0xB5651D, Backdrop.GRADIENT,
				Shadow.NONE);
		add(cases, size, "yellow mug on a gradient", Kind.GRADIENT, Product.MUG, 0xE1B12C, Backdrop.GRADIENT,
				Shadow.SOFT);
		add(cases, size, "purple bowl on a gradient", Kind.GRADIENT, Product.BOWL, 0x6C3483, Backdrop.GRADIENT,
				Shadow.NONE);
		add(cases, size, "red mug on linen", Kind.TEXTURED, Product.MUG, 0xB03A2E, Backdrop.LINEN, Shadow.NONE);
		add(cases, size, "blue bowl on linen", Kind.TEXTURED, Product.BOWL, 0x2874A6, Backdrop.LINEN, Shadow.SOFT);
		add(cases, size, "white mug on linen", Kind.TEXTURED, Product.MUG, 0xFBFBFA, Backdrop.LINEN, Shadow.NONE);
		add(cases, size, "gold ring on white", Kind.HOLES, Product.RING, 0xD4AC0D, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "black frame on white", Kind.HOLES, Product.FRAME, 0x222222, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "red ring on light grey", Kind.HOLES, Product.RING, 0xC0392B, Backdrop.LIGHT_GREY,
				Shadow.NONE);
		add(cases, size, "red mug, transparent", Kind.TRANSPARENT, Product.MUG, 0xC0392B, Backdrop.TRANSPARENT,
				Shadow.NONE);
		add(cases, size, "white vase, transparent", Kind.TRANSPARENT, Product.VASE, 0xFAFAFA, Backdrop.TRANSPARENT,
				Shadow.NONE);
		add(cases, size, "clear tumbler, transparent", Kind.TRANSPARENT, Product.TUMBLER, 0x9FB8C0,
				Backdrop.TRANSPARENT, Shadow.NONE);
		add(cases, size, "red mug on white", Kind.PLAIN, Product.MUG, 0xC0392B, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "blue vase on white", Kind.PLAIN, Product.VASE, 0x2E5E9E, Backdrop.WHITE, Shadow.NONE);
		add(cases, size, "green bowl on white", Kind.PLAIN, Product.BOWL, 0x3E8E4E, Backdrop.WHITE, Shadow.NONE);
		return cases;
	}

	private static void add(List<Case> cases, int size, String name, Kind kind, Product product, int colour,
			Backdrop backdrop, Shadow shadow) {
		Shape shape = shape(product, size);
		boolean transparent = backdrop == Backdrop.TRANSPARENT;
		BufferedImage photo = new BufferedImage(size, size,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		try {
			quality(g);
			paintBackdrop(g, size, backdrop, name.hashCode());
			paintShadow(g, shape, shadow, backdrop);
			paintProduct(g, shape, product, colour);
		}
		finally {
			g.dispose();
		}
		cases.add(new Case(name, kind, photo, truth(shape, size)));
	}

	/**
	 * The product's silhouette, holes cut out, about the middle two thirds of the frame.
	 */
	private static Shape shape(Product product, int size) {
		double s = size / 512.0;
		Area area = switch (product) {
			case MUG -> {
				Area body = new Area(new RoundRectangle2D.Double(150, 150, 170, 220, 24, 24));
				Area handle = new Area(new Ellipse2D.Double(280, 200, 100, 120));
				handle.subtract(new Area(new Ellipse2D.Double(305, 225, 50, 70)));
				body.add(handle);
				yield body;
			}
			case VASE -> {
				GeneralPath path = new GeneralPath();
				path.moveTo(220, 110);
				path.lineTo(292, 110);
				path.curveTo(292, 170, 370, 220, 360, 320);
				path.curveTo(352, 400, 310, 420, 256, 420);
				path.curveTo(202, 420, 160, 400, 152, 320);
				path.curveTo(142, 220, 220, 170, 220, 110);
				path.closePath();
				yield new Area(path);
			}
			case BOWL -> {
				Area bowl = new Area(new Ellipse2D.Double(110, 150, 292, 250));
				bowl.subtract(new Area(new Rectangle2D.Double(100, 100, 320, 140)));
				bowl.add(new Area(new Ellipse2D.Double(110, 215, 292, 50)));
				yield bowl;
			}
			case RING -> {
				Area ring = new Area(new Ellipse2D.Double(136, 136, 240, 240));
				ring.subtract(new Area(new Ellipse2D.Double(196, 196, 120, 120)));
				yield ring;
			}
			case FRAME -> {
				Area frame = new Area(new Rectangle2D.Double(130, 110, 252, 300));
				frame.subtract(new Area(new Rectangle2D.Double(168, 148, 176, 224)));
				yield frame;
			}
			case TUMBLER -> {
				GeneralPath path = new GeneralPath();
				path.moveTo(180, 130);
				path.lineTo(332, 130);
				path.lineTo(312, 400);
				path.lineTo(200, 400);
				path.closePath();
				yield new Area(path);
			}
			case WIRE_CUP -> {
				Area cup = new Area(new RoundRectangle2D.Double(170, 220, 150, 160, 30, 30));
				Shape wire = new BasicStroke(5f).createStrokedShape(new Ellipse2D.Double(200, 130, 90, 130));
				Area handle = new Area(wire);
				handle.subtract(new Area(new Rectangle2D.Double(150, 225, 200, 200)));
				cup.add(handle);
				yield cup;
			}
		};
		return area.createTransformedArea(AffineTransform.getScaleInstance(s, s));
	}

	private static void paintBackdrop(Graphics2D g, int size, Backdrop backdrop, long seed) {
		if (backdrop == Backdrop.TRANSPARENT) {
			return;
		}
		if (backdrop == Backdrop.GRADIENT) {
			g.setPaint(new GradientPaint(0, 0, new Color(0xFAFAFA), 0, size, new Color(0xC8C8C8)));
			g.fillRect(0, 0, size, size);
			return;
		}
		g.setColor(new Color(backdrop.rgb));
		g.fillRect(0, 0, size, size);
		if (backdrop == Backdrop.LINEN) {
			// a woven texture: fine threads across and down, a little grain
			SplittableRandom random = new SplittableRandom(seed);
			for (int i = 0; i < size; i += 2) {
				g.setColor(new Color(0xE2DACB));
				g.drawLine(0, i, size, i);
				if (random.nextInt(3) == 0) {
					g.setColor(new Color(0xF4EEE4));
					g.drawLine(i, 0, i, size);
				}
			}
		}
	}

	private static void paintShadow(Graphics2D g, Shape product, Shadow shadow, Backdrop backdrop) {
		if (shadow == Shadow.NONE) {
			return;
		}
		Rectangle2D box = product.getBounds2D();
		double w = box.getWidth();
		double cx = box.getCenterX();
		double foot = box.getMaxY();
		if (shadow == Shadow.SOFT) {
			// a contact shadow under the product, fading out
			float radius = (float) (w * 0.75);
			Color dark = (backdrop == Backdrop.BLACK || backdrop == Backdrop.DARK_GREY) ? new Color(0, 0, 0, 200)
					: new Color(60, 60, 60, 120);
			Graphics2D s = (Graphics2D) g.create();
			s.translate(cx, foot);
			s.scale(1, 0.22);
			s.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), radius, new float[] { 0f, 1f },
					new Color[] { dark, new Color(dark.getRed(), dark.getGreen(), dark.getBlue(), 0) },
					MultipleGradientPaint.CycleMethod.NO_CYCLE));
			s.fill(new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius));
			s.dispose();
		}
		else {
			// a cast shadow thrown to the right by a low light: the silhouette sheared
			AffineTransform cast = new AffineTransform();
			cast.translate(0, foot);
			cast.shear(-0.9, 0);
			cast.scale(1, 0.45);
			cast.translate(0, -foot);
			g.setColor(new Color(150, 150, 150));
			g.fill(cast.createTransformedShape(product));
		}
	}

	private static void paintProduct(Graphics2D g, Shape shape, Product product, int colour) {
		Rectangle2D box = shape.getBounds2D();
		Color base = new Color(colour);
		if (product == Product.TUMBLER) {
			// glass: the background through a tinted body, an opaque rim and edges
			Graphics2D glass = (Graphics2D) g.create();
			glass.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
			glass.setColor(base);
			glass.fill(shape);
			glass.dispose();
			g.setColor(base.darker());
			g.setStroke(new BasicStroke((float) (box.getWidth() / 40)));
			g.draw(shape);
			return;
		}
		// lit from the left: lighter there, darker on the right, as a cylinder is
		Color light = blend(base, Color.WHITE, 0.35);
		Color dark = blend(base, Color.BLACK, 0.18);
		g.setPaint(new GradientPaint((float) box.getMinX(), 0, light, (float) box.getMaxX(), 0, dark));
		g.fill(shape);
	}

	private static Color blend(Color from, Color to, double share) {
		return new Color((int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * share),
				(int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * share),
				(int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * share));
	}

	private static byte[] truth(Shape shape, int size) {
		BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = mask.createGraphics();
		try {
			quality(g);
			g.setColor(Color.WHITE);
			g.fill(shape);
		}
		finally {
			g.dispose();
		}
		byte[] truth = new byte[size * size];
		mask.getRaster().getDataElements(0, 0, size, size, truth);
		return truth;
	}

	private static void quality(Graphics2D g) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
	}

	/** Intersection over union of two alphas, each taken as product at 128 or more. */
	static double iou(byte[] alpha, byte[] truth) {
		long both = 0;
		long either = 0;
		for (int i = 0; i < truth.length; i++) {
			boolean a = (alpha[i] & 0xFF) >= 128;
			boolean t = (truth[i] & 0xFF) >= 128;
			if (a && t) {
				both++;
			}
			if (a || t) {
				either++;
			}
		}
		return (either == 0) ? 1 : (double) both / either;
	}

	/**
	 * The boundary F-score: how many of each mask's edge pixels lie within
	 * {@code tolerance} pixels of the other's edge (precision and recall), combined.
	 */
	static double boundaryF(byte[] alpha, byte[] truth, int size, int tolerance) {
		boolean[] predicted = edges(alpha, size);
		boolean[] actual = edges(truth, size);
		double precision = near(predicted, actual, size, tolerance);
		double recall = near(actual, predicted, size, tolerance);
		return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
	}

	private static boolean[] edges(byte[] alpha, int size) {
		boolean[] edge = new boolean[alpha.length];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				boolean in = (alpha[y * size + x] & 0xFF) >= 128;
				boolean differs = (x > 0 && ((alpha[y * size + x - 1] & 0xFF) >= 128) != in)
						|| (y > 0 && ((alpha[(y - 1) * size + x] & 0xFF) >= 128) != in);
				edge[y * size + x] = differs;
			}
		}
		return edge;
	}

	/** The share of {@code from}'s edge pixels with one of {@code to}'s within reach. */
	private static double near(boolean[] from, boolean[] to, int size, int tolerance) {
		long total = 0;
		long hit = 0;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				if (!from[y * size + x]) {
					continue;
				}
				total++;
				search: for (int dy = -tolerance; dy <= tolerance; dy++) {
					for (int dx = -tolerance; dx <= tolerance; dx++) {
						int nx = x + dx;
						int ny = y + dy;
						if (nx >= 0 && ny >= 0 && nx < size && ny < size && to[ny * size + nx]) {
							hit++;
							break search;
						}
					}
				}
			}
		}
		return (total == 0) ? 1 : (double) hit / total;
	}

}
