package com.prompt2pixel.templates;

import java.util.List;

/**
 * One scene a product can be rendered into.
 *
 * @param id stable identifier, unique within its set
 * @param version bumped whenever anything that changes the pixels changes; seeds and
 * cache keys include it
 * @param name human-readable scene name
 * @param kind packshot, lifestyle, flat-lay or seasonal
 * @param prompt the prompt template (Pebble) over the product's fields
 * @param negativePrompt the negative prompt template (Pebble)
 * @param alt the alt text template (Pebble) a published image is described by; null for
 * the product's title and the scene's name
 * @param params generation parameters
 * @param variations the scene's variants, in order; at least one
 * @param hints composition hints for the non-generative compositor
 * @param source where the template was written, for messages
 */
public record SceneTemplate(String id, int version, String name, String kind, String prompt, String negativePrompt,
		String alt, GenerationParams params, List<Variation> variations, CompositionHints hints, Source source) {

	/** The kinds of scene a merchandiser asks for. */
	public static final List<String> KINDS = List.of("packshot", "lifestyle", "flat-lay", "seasonal");

	/**
	 * Whether the scene is seen from straight above: a flat lay. The compositor paints
	 * such a scene as a surface with the product lying on it.
	 */
	public boolean topDown() {
		return this.kind.equals("flat-lay");
	}

	/** Shopify's limit on a medium's alt text; longer ones are cut at a word. */
	public static final int ALT_MAX = 512;

	/**
	 * A variant of a scene: a name and the text the prompt's {@code variation} field
	 * holds.
	 *
	 * @param name short name, e.g. {@code morning}
	 * @param text prompt text, e.g. {@code soft morning light}; may be empty
	 */
	public record Variation(String name, String text) {

	}

	/**
	 * Where a template came from.
	 *
	 * @param file the file (or saved template) it was read from
	 * @param line the line its definition starts on
	 */
	public record Source(String file, int line) {

		@Override
		public String toString() {
			return this.file + ":" + this.line;
		}

	}

}
