package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A simple object a template may stand beside the product in a composed scene, drawn in
 * its palette's colours and lit from the scene's light: a stack of books, a vase, a
 * sphere, a candle, a potted plant. Props are part of the scene, never of the product:
 * they stay out of its box and out of its mask, so every check and every backend's
 * overlay sees the product alone.
 */
public enum Prop {

	BOOKS(0.9, 0.14), VASE(1.6, 0.26), SPHERE(1, 0.12), CANDLE(2.6, 0.2), PLANT(1.4, 0.3);

	/** Height over width of the prop's box. */
	private final double aspect;

	/** Its height as a share of the frame's shorter side (never above the product's). */
	private final double share;

	Prop(double aspect, double share) {
		this.aspect = aspect;
		this.share = share;
	}

	/**
	 * How tall the prop is drawn in a frame, beside a product drawn {@code productHeight}
	 * tall: its own share of the frame, but lower than the product, which stays the
	 * picture's subject.
	 */
	int heightIn(int frameSide, double productHeight) {
		return (int) Math.max(8, Math.round(Math.min(this.share * frameSide, 0.8 * productHeight)));
	}

	/**
	 * The props a template names, in its order.
	 * @throws IllegalArgumentException for a name that is no prop, listing them
	 */
	public static List<Prop> of(List<String> names) {
		List<Prop> props = new ArrayList<>();
		for (String name : (names == null) ? List.<String>of() : names) {
			try {
				props.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				String all = Arrays.stream(values())
					.map((prop) -> prop.name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", "));
				throw new IllegalArgumentException("prop '" + name + "' is not one of " + all, ex);
			}
		}
		return List.copyOf(props);
	}

	/**
	 * The prop drawn on a clear layer, {@code height} pixels tall ({@link #heightIn}),
	 * standing on its bottom edge.
	 * @param light -1 for a light on the left to 1 on the right: the lit side is lighter
	 */
	BufferedImage draw(int height, SceneStyle style, double light) {
		int h = height;
		int w = widthAt(h);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			switch (this) {
				case BOOKS -> drawBooks(g, w, h, style, light);
				case VASE -> drawVase(g, w, h, style, light);
				case SPHERE -> drawSphere(g, w, h, style, light);
				case CANDLE -> drawCandle(g, w, h, style, light);
				case PLANT -> drawPlant(g, w, h, style, light);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/**
	 * Three books lying one on another, their spines in three of the palette's shades.
	 */
	private static void drawBooks(Graphics2D g, int w, int h, SceneStyle style, double light) {
		Color[] covers = { shade(style.floor(), 0.55), shade(style.wallBottom(), 0.7), shade(style.wallTop(), 0.5) };
		double bookHeight = h / 3.0;
		for (int i = 0; i < 3; i++) {
			double inset = w * new double[] { 0, 0.06, 0.03 }[i];
			double top = h - (i + 1) * bookHeight;
			Rectangle2D spine = new Rectangle2D.Double(inset, top, w - 2 * inset - w * 0.04 * i, bookHeight * 0.96);
			g.setPaint(sideLit(covers[i], spine, light));
			g.fill(spine);
			// the pages' edge, pale, along the top of each cover
			g.setColor(shade(style.wallTop(), 1.15));
			g.fill(new Rectangle2D.Double(spine.getX() + w * 0.03, top + bookHeight * 0.12, spine.getWidth() - w * 0.06,
					bookHeight * 0.16));
		}
	}

	/** A vase: a round body narrowing to a neck with a lip, darker than the wall. */
	private static void drawVase(Graphics2D g, int w, int h, SceneStyle style, double light) {
		Path2D body = new Path2D.Double();
		body.moveTo(w * 0.36, 0);
		body.lineTo(w * 0.64, 0);
		body.curveTo(w * 0.6, h * 0.12, w * 0.58, h * 0.22, w * 0.62, h * 0.32);
		body.curveTo(w * 1.02, h * 0.5, w * 0.98, h * 0.9, w * 0.7, h);
		body.lineTo(w * 0.3, h);
		body.curveTo(w * 0.02, h * 0.9, w * -0.02, h * 0.5, w * 0.38, h * 0.32);
		body.curveTo(w * 0.42, h * 0.22, w * 0.4, h * 0.12, w * 0.36, 0);
		body.closePath();
		g.setPaint(sideLit(shade(style.wallBottom(), 0.62), body.getBounds2D(), light));
		g.fill(body);
	}

	/** A sphere of stone or clay in the floor's shade, its highlight toward the light. */
	private static void drawSphere(Graphics2D g, int w, int h, SceneStyle style, double light) {
		Color base = shade(style.floor(), 0.7);
		Point2D highlight = new Point2D.Double(w * (0.5 + 0.28 * light), h * 0.3);
		g.setPaint(new RadialGradientPaint(highlight, (float) (w * 0.85), new float[] { 0f, 0.6f, 1f },
				new Color[] { shade(base, 1.35), base, shade(base, 0.55) }));
		g.fill(new Ellipse2D.Double(0, 0, w, h));
	}

	/** A pillar candle, pale, with its wick and a small flame. */
	private static void drawCandle(Graphics2D g, int w, int h, SceneStyle style, double light) {
		double flame = h * 0.16;
		Rectangle2D wax = new Rectangle2D.Double(w * 0.1, flame + h * 0.03, w * 0.8, h - flame - h * 0.03);
		g.setPaint(sideLit(shade(style.wallTop(), 1.08), wax, light));
		g.fill(new RoundRectangle2D.Double(wax.getX(), wax.getY(), wax.getWidth(), wax.getHeight(), w * 0.2, w * 0.2));
		g.setColor(new Color(40, 34, 30));
		g.fill(new Rectangle2D.Double(w * 0.48, flame - h * 0.01, w * 0.04, h * 0.05));
		g.setPaint(new RadialGradientPaint(new Point2D.Double(w * 0.5, flame * 0.6), (float) (flame * 0.6),
				new float[] { 0f, 1f }, new Color[] { new Color(255, 244, 200), new Color(255, 170, 60, 0) }));
		g.fill(new Ellipse2D.Double(w * 0.5 - flame * 0.3, 0, flame * 0.6, flame));
	}

	/** A plant in a pot: a pot in the floor's dark shade, leaves of a muted green. */
	private static void drawPlant(Graphics2D g, int w, int h, SceneStyle style, double light) {
		double potTop = h * 0.6;
		Path2D pot = new Path2D.Double();
		pot.moveTo(w * 0.18, potTop);
		pot.lineTo(w * 0.82, potTop);
		pot.lineTo(w * 0.72, h);
		pot.lineTo(w * 0.28, h);
		pot.closePath();
		Color leaf = mix(new Color(78, 110, 70), style.wallBottom(), 0.25);
		double[][] leaves = { { 0.5, 0.02, 0.5 }, { 0.22, 0.14, 0.42 }, { 0.78, 0.12, 0.42 }, { 0.34, 0.3, 0.36 },
				{ 0.66, 0.28, 0.36 } };
		for (double[] l : leaves) {
			double size = w * l[2];
			Ellipse2D shape = new Ellipse2D.Double(w * l[0] - size / 2, h * l[1], size, potTop - h * l[1] + h * 0.04);
			g.setPaint(sideLit(leaf, shape.getBounds2D(), light));
			g.fill(shape);
		}
		g.setPaint(sideLit(shade(style.floor(), 0.5), pot.getBounds2D(), light));
		g.fill(pot);
	}

	/** A colour across a shape, lighter on the light's side, darker on the other. */
	private static GradientPaint sideLit(Color colour, Rectangle2D bounds, double light) {
		float litX = (float) ((light < 0) ? bounds.getMinX() : bounds.getMaxX());
		float darkX = (float) ((light < 0) ? bounds.getMaxX() : bounds.getMinX());
		return new GradientPaint(litX, 0, shade(colour, 1.18), darkX, 0, shade(colour, 0.72));
	}

	/** A colour made lighter (factor above 1) or darker (below 1). */
	static Color shade(Color colour, double factor) {
		return new Color(channel(colour.getRed() * factor), channel(colour.getGreen() * factor),
				channel(colour.getBlue() * factor));
	}

	private static Color mix(Color a, Color b, double share) {
		return new Color(channel(a.getRed() * (1 - share) + b.getRed() * share),
				channel(a.getGreen() * (1 - share) + b.getGreen() * share),
				channel(a.getBlue() * (1 - share) + b.getBlue() * share));
	}

	private static int channel(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

	/** How wide the prop is drawn at a height. */
	int widthAt(int height) {
		return Math.max(6, (int) Math.round(height / this.aspect));
	}

}
