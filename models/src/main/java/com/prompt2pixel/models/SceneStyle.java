package com.prompt2pixel.models;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * Composition hints from a scene template.
 *
 * @param wallTop colour at the top of the backdrop
 * @param wallBottom colour where the backdrop meets the floor
 * @param floor floor colour, the colour of the surface
 * @param productScale share of the shorter image side the product may occupy
 * @param placement where the product goes in a front view
 * @param surface what the product stands or lies on
 * @param view how the camera sees the scene
 * @param sizeCm the product's largest dimension as its catalog states it, in centimetres,
 * or 0 when it states none
 * @param scaleSizeCm the size drawn at {@code productScale}, in centimetres; 0 for the
 * placement's typical size ({@link Placement#typicalCm})
 * @param props what stands (or, in a flat lay, lies) beside the product, in the
 * template's order: the first on one side, the second on the other
 */
public record SceneStyle(Color wallTop, Color wallBottom, Color floor, double productScale, Placement placement,
		Surface surface, View view, double sizeCm, double scaleSizeCm, List<Prop> props) {

	/**
	 * A product far smaller than its placement's typical one is still drawn at this share
	 * of the template's scale: an earring to scale on a table would be a speck.
	 */
	static final double LEAST_SHARE = 0.3;

	public SceneStyle {
		if (!(sizeCm >= 0) || Double.isInfinite(sizeCm)) {
			throw new IllegalArgumentException("a product's size must be 0 (unknown) or more, was " + sizeCm);
		}
		if (!(scaleSizeCm >= 0) || Double.isInfinite(scaleSizeCm)) {
			throw new IllegalArgumentException("a scale's size must be 0 (typical) or more, was " + scaleSizeCm);
		}
		props = List.copyOf(props);
	}

	/**
	 * This style for a product of a stated size (0: none stated), measured against the
	 * size drawn at the template's scale (0: the placement's typical size).
	 */
	public SceneStyle withSize(double productSizeCm, double productScaleSizeCm) {
		return new SceneStyle(this.wallTop, this.wallBottom, this.floor, this.productScale, this.placement,
				this.surface, this.view, productSizeCm, productScaleSizeCm, this.props);
	}

	/** This style with these props beside the product (none: none). */
	public SceneStyle withProps(List<Prop> beside) {
		return new SceneStyle(this.wallTop, this.wallBottom, this.floor, this.productScale, this.placement,
				this.surface, this.view, this.sizeCm, this.scaleSizeCm, beside);
	}

	/**
	 * The share of the image's shorter side the product's longest side takes. The
	 * template's {@link #productScale} is what a product of {@link #scaleSizeCm} takes
	 * (by default its placement's typical size, {@link Placement#typicalCm}), and the
	 * most any takes; a smaller one, whose catalog states its size, is drawn smaller in
	 * proportion, so a catalog's espresso cup and teapot look their sizes side by side.
	 */
	public double productShare() {
		if (this.sizeCm <= 0) {
			return this.productScale;
		}
		double reference = (this.scaleSizeCm > 0) ? this.scaleSizeCm : this.placement.typicalCm();
		double proportion = this.sizeCm / reference;
		return this.productScale * Math.max(LEAST_SHARE, Math.min(1, proportion));
	}

	/**
	 * How the camera sees the scene: from the front (a wall, a floor receding to the
	 * horizon, the product standing, on the wall or hanging), or from straight above (a
	 * flat lay: the whole frame is the surface, the product lies on it).
	 */
	public enum View {

		FRONT, TOP_DOWN;

		/**
		 * The view a task's parameters name ({@code front} or {@code top-down}); null (a
		 * task written before views existed) is the front view.
		 * @throws IllegalArgumentException for a name that is no view
		 */
		public static View of(String name) {
			if (name == null) {
				return FRONT;
			}
			return switch (name.strip().toLowerCase(Locale.ROOT)) {
				case "front" -> FRONT;
				case "top-down" -> TOP_DOWN;
				default -> throw new IllegalArgumentException("view '" + name + "' is not one of front, top-down");
			};
		}

	}

	/**
	 * A plain tabletop style from three {@code #rrggbb} colours: wall top, wall bottom,
	 * floor.
	 */
	public static SceneStyle of(List<String> palette, double productScale) {
		return of(palette, productScale, Placement.TABLETOP);
	}

	/**
	 * A plain front view from three {@code #rrggbb} colours: wall top, wall bottom,
	 * floor.
	 */
	public static SceneStyle of(List<String> palette, double productScale, Placement placement) {
		return of(palette, productScale, placement, Surface.PLAIN, View.FRONT);
	}

	/** A style from three {@code #rrggbb} colours: wall top, wall bottom, floor. */
	public static SceneStyle of(List<String> palette, double productScale, Placement placement, Surface surface,
			View view) {
		if (palette.size() != 3) {
			throw new IllegalArgumentException("a palette needs three colours, got " + palette);
		}
		return new SceneStyle(Color.decode(palette.get(0)), Color.decode(palette.get(1)), Color.decode(palette.get(2)),
				productScale, placement, surface, view, 0, 0, List.of());
	}

}
