package com.prompt2pixel.models;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the product stands or lies on in a composed scene: a plain seamless backdrop, or a
 * surface with a texture of its own ({@link SurfaceTexture}) in the floor colour of the
 * template's palette.
 */
public enum Surface {

	PLAIN, WOOD, STONE, LINEN, CONCRETE, PAPER;

	/**
	 * Words of a scene's prompt that name what the product is on. The word that comes
	 * first wins, so "a linen cloth on an oak table" is linen: a prompt names what the
	 * product touches before the room around it far more often than not.
	 */
	private static final List<Rule> RULES = List.of(
			new Rule(PLAIN, "seamless|studio backdrop|white background|plain backdrop|infinity cove|cyclorama"),
			new Rule(LINEN,
					"linen|cotton|silk|satin|velvet|wool|tablecloth|fabric|textile|canvas|bedding|blanket|throw"),
			new Rule(WOOD, "wood|wooden|oak|walnut|pine|teak|ash|maple|birch|bamboo|timber|plank|butcher block"),
			new Rule(STONE, "stone|marble|travertine|granite|slate|terrazzo|limestone|quartz|basalt|onyx"),
			new Rule(CONCRETE, "concrete|cement|plaster|stucco|asphalt|pavement|microcement"),
			new Rule(PAPER, "paper|cardboard|kraft|parchment|card stock"));

	/**
	 * The surface a template names, or for {@code auto} (or none) the one the scene's
	 * words describe; plain when they name none. The caller leaves the product's own
	 * title out of those words: a walnut board's packshot is on a seamless backdrop.
	 * @throws IllegalArgumentException for a name that is no surface
	 */
	public static Surface of(String hint, String sceneWords) {
		Optional<Surface> named = TemplateHint.named(Surface.class, hint, "surface");
		if (named.isPresent()) {
			return named.get();
		}
		String words = (sceneWords == null) ? "" : sceneWords.toLowerCase(Locale.ROOT);
		Surface found = PLAIN;
		int earliest = Integer.MAX_VALUE;
		for (Rule rule : RULES) {
			Matcher matcher = rule.words().matcher(words);
			if (matcher.find() && matcher.start() < earliest) {
				earliest = matcher.start();
				found = rule.surface();
			}
		}
		return found;
	}

	private record Rule(Surface surface, Pattern words) {

		Rule(Surface surface, String words) {
			this(surface, Pattern.compile("\\b(?:" + words + ")s?\\b"));
		}

	}

}
