package com.prompt2pixel.models;

import java.awt.Color;
import java.util.List;

/**
 * Composition hints from a scene template.
 *
 * @param wallTop colour at the top of the backdrop
 * @param wallBottom colour where the backdrop meets the floor
 * @param floor floor colour
 * @param productScale share of the shorter image side the product may occupy
 * @param placement where the product goes
 */
public record SceneStyle(Color wallTop, Color wallBottom, Color floor, double productScale, Placement placement) {

	/**
	 * A tabletop style from three {@code #rrggbb} colours: wall top, wall bottom, floor.
	 */
	public static SceneStyle of(List<String> palette, double productScale) {
		return of(palette, productScale, Placement.TABLETOP);
	}

	/** A style from three {@code #rrggbb} colours: wall top, wall bottom, floor. */
	public static SceneStyle of(List<String> palette, double productScale, Placement placement) {
		if (palette.size() != 3) {
			throw new IllegalArgumentException("a palette needs three colours, got " + palette);
		}
		return new SceneStyle(Color.decode(palette.get(0)), Color.decode(palette.get(1)), Color.decode(palette.get(2)),
				productScale, placement);
	}

}
