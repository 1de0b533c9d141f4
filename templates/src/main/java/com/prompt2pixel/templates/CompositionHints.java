package com.prompt2pixel.templates;

import java.util.List;

/**
 * Hints for the non-generative compositor.
 *
 * @param palette scene colours as {@code #rrggbb}: wall top, wall bottom, floor
 * @param productScale share of the shorter image side the product may occupy
 * @param placement where the product goes in the scene: {@code auto} (from the product's
 * type: a pendant hangs, a clock is on the wall), {@code tabletop}, {@code floor},
 * {@code wall} or {@code hanging}
 * @param surface what the product stands or lies on: {@code auto} (what the scene's
 * prompt names, a plain backdrop when it names none), {@code plain}, {@code wood},
 * {@code stone}, {@code linen}, {@code concrete} or {@code paper}
 * @param scaleSizeCm for products whose catalog states a size: the size (cm) drawn at
 * {@code productScale}, smaller ones smaller in proportion ({@code scale_size_cm}; 4 for
 * rings and earrings); null for the placement's typical size (a tabletop product 40 cm)
 * @param props simple objects drawn beside the product in the palette's colours, in
 * order, each one of {@link #PROPS}; empty for none
 */
public record CompositionHints(List<String> palette, double productScale, String placement, String surface,
		Double scaleSizeCm, List<String> props) {

	public CompositionHints {
		props = (props == null) ? List.of() : List.copyOf(props);
	}

	/** The placements a template may name. */
	public static final List<String> PLACEMENTS = List.of("auto", "tabletop", "floor", "wall", "hanging");

	/** The surfaces a template may name. */
	public static final List<String> SURFACES = List.of("auto", "plain", "wood", "stone", "linen", "concrete", "paper");

	/** The props a template may name; at most {@link #MOST_PROPS} of them. */
	public static final List<String> PROPS = List.of("books", "vase", "sphere", "candle", "plant");

	/** More would crowd the product, which is the picture's subject. */
	public static final int MOST_PROPS = 4;

}
