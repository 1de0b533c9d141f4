package com.prompt2pixel.models;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a product belongs in a scene: on a table, on the floor, on the wall at eye
 * height, or hanging from above with its cord running off the top of the frame.
 */
public enum Placement {

	/** A vase, a lamp, a kettle: 40 cm. */
	TABLETOP(40),

	/** A floor lamp, a plant, a chair: 150 cm. */
	FLOOR(150),

	/** A mirror, a frame, a clock: 80 cm. */
	WALL(80),

	/** A pendant with its shade: 60 cm. */
	HANGING(60);

	private final double typicalCm;

	Placement(double typicalCm) {
		this.typicalCm = typicalCm;
	}

	/**
	 * The size of a large product of this kind, in centimetres: a template's product
	 * scale is what a product this size takes of the frame
	 * ({@link SceneStyle#productShare}).
	 */
	public double typicalCm() {
		return this.typicalCm;
	}

	/**
	 * Words that put a product on the wall, hanging, or on the floor; the rest stand on a
	 * table.
	 */
	private static final List<Rule> RULES = List.of(
			new Rule(HANGING, "pendant|chandelier|hanging|ceiling (?:light|lamp)|wind chime|hammock"),
			new Rule(WALL,
					"wall|clock|mirror|picture frame|photo frame|poster|canvas print|art print|painting|"
							+ "tapestry|sconce|coat hook"),
			new Rule(FLOOR, "floor lamp|floor|rug|armchair|chair|sofa|stool|bench|floor vase|planter|"
					+ "standing|dog bed|cat tree"));

	/**
	 * The placement a template names, or for {@code auto} (or none) the one the product's
	 * words suggest: its title, type and category.
	 * @throws IllegalArgumentException for a name that is no placement
	 */
	public static Placement of(String hint, String productWords) {
		Optional<Placement> named = TemplateHint.named(Placement.class, hint, "placement");
		if (named.isPresent()) {
			return named.get();
		}
		String words = (productWords == null) ? "" : productWords.toLowerCase(Locale.ROOT);
		for (Rule rule : RULES) {
			if (rule.words().matcher(words).find()) {
				return rule.placement();
			}
		}
		return TABLETOP;
	}

	private record Rule(Placement placement, Pattern words) {

		Rule(Placement placement, String words) {
			this(placement, Pattern.compile("\\b(?:" + words + ")s?\\b"));
		}

	}

}
