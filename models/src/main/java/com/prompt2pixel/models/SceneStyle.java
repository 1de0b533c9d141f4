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
 */
public record SceneStyle(Color wallTop, Color wallBottom, Color floor, double productScale, Placement placement,
		Surface surface, View view) {

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
				productScale, placement, surface, view);
	}

}
