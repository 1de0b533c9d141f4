package com.prompt2pixel.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a template set from YAML (the format is described in {@code templates/README.md})
 * and validates all of it: fields, ranges, colours, template syntax, and every prompt
 * rendered for sample products and every variation, so that a bad template fails when it
 * loads or is saved, never half-way through a run. Errors name the file, the line and the
 * template.
 */
public final class TemplateSets {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final List<String> DEFAULT_PALETTE = List.of("#f4f4f2", "#e6e5e1", "#d8d6d0");

	private static final GenerationParams BUILT_IN_DEFAULTS = new GenerationParams(768, 768, 30, 7.0, "euler",
			"default", 0.6);

	private static final List<ProductFacts> SAMPLES = List.of(
			new ProductFacts("SAMPLE-1", "Sample Stoneware Mug", "<p>A sample mug.</p> Holds 350 ml.",
					"Home > Kitchen > Mugs", "Mug", "Sample Co", List.of("ceramic", "gift")),
			new ProductFacts("SAMPLE-2", "Sample", "", "", "", "", List.of()));

	private TemplateSets() {
	}

	/**
	 * @param setId the set's name
	 * @param file the file name used in messages
	 * @param yaml the set's YAML
	 * @throws TemplateException naming the file, line, template and problem
	 */
	public static CompiledTemplateSet parse(String setId, String file, String yaml) {
		if (!ID.matcher(setId).matches()) {
			throw new TemplateException(
					file + ":1: set name '" + setId + "' must be lowercase letters, digits and '-'");
		}
		YamlNode root = YamlNode.parse(file, yaml);
		String vertical = root.text("vertical");
		MatchRules match = root.child("match").map(TemplateSets::match).orElse(MatchRules.NONE);
		GenerationParams defaults = root.child("defaults")
			.map((node) -> params(node, BUILT_IN_DEFAULTS))
			.orElse(BUILT_IN_DEFAULTS);
		List<CompiledTemplateSet.CompiledScene> scenes = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (YamlNode node : root.required("scenes").items("scenes")) {
			CompiledTemplateSet.CompiledScene scene = scene(node, defaults);
			if (!ids.add(scene.template().id())) {
				throw node.error("scene id '" + scene.template().id() + "' is used twice in this set");
			}
			scenes.add(scene);
		}
		if (scenes.isEmpty()) {
			throw root.error("a template set needs at least one scene");
		}
		CompiledTemplateSet compiled = new CompiledTemplateSet(
				new TemplateSet(setId, vertical, match, scenes.stream().map((scene) -> scene.template()).toList()),
				scenes);
		validateByRendering(compiled);
		return compiled;
	}

	private static MatchRules match(YamlNode node) {
		return new MatchRules(node.strings("product_types"), node.strings("categories"), node.strings("tags"),
				node.strings("vendors"));
	}

	private static CompiledTemplateSet.CompiledScene scene(YamlNode raw, GenerationParams defaults) {
		String id = raw.text("id");
		YamlNode node = raw.about("template '" + id + "'");
		if (!ID.matcher(id).matches()) {
			throw node.error("id must be lowercase letters, digits and '-'");
		}
		String kind = node.text("kind");
		if (!SceneTemplate.KINDS.contains(kind)) {
			throw node.required("kind").error("'kind' must be one of " + SceneTemplate.KINDS + ", was " + kind);
		}
		PromptTemplate prompt = PromptTemplate.compile(node.required("prompt"), "prompt");
		PromptTemplate negative = PromptTemplate.compile(node.required("negative_prompt"), "negative_prompt");
		PromptTemplate alt = node.child("alt").map((value) -> PromptTemplate.compile(value, "alt")).orElse(null);
		GenerationParams params = node.child("params").map((child) -> params(child, defaults)).orElse(defaults);
		SceneTemplate template = new SceneTemplate(id, node.integer("version", 1, 1_000_000, null), node.text("name"),
				kind, node.required("prompt").scalar("prompt"),
				node.required("negative_prompt").scalar("negative_prompt"),
				node.child("alt").map((value) -> value.scalar("alt")).orElse(null), params, variations(node),
				hints(node), new SceneTemplate.Source(node.file(), node.line()));
		return new CompiledTemplateSet.CompiledScene(template, prompt, negative, alt);
	}

	private static GenerationParams params(YamlNode node, GenerationParams base) {
		int width = node.integer("width", 64, 4096, base.width());
		int height = node.integer("height", 64, 4096, base.height());
		if (width % 8 != 0 || height % 8 != 0) {
			throw node.error("width and height must be multiples of 8, were " + width + "x" + height);
		}
		String scheduler = node.text("scheduler", base.scheduler());
		if (!GenerationParams.SCHEDULERS.contains(scheduler)) {
			throw node.required("scheduler")
				.error("'scheduler' must be one of " + GenerationParams.SCHEDULERS + ", was " + scheduler);
		}
		return new GenerationParams(width, height, node.integer("steps", 1, 150, base.steps()),
				node.decimal("guidance", 0, 30, base.guidance()), scheduler, node.text("model", base.model()),
				node.decimal("img2img_strength", 0, 1, base.img2imgStrength()));
	}

	private static List<SceneTemplate.Variation> variations(YamlNode node) {
		Optional<YamlNode> variants = node.child("variants");
		if (variants.isEmpty()) {
			return List.of(new SceneTemplate.Variation("1", ""));
		}
		if (variants.get().isScalar()) {
			int count = node.integer("variants", 1, 16, null);
			List<SceneTemplate.Variation> numbered = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				numbered.add(new SceneTemplate.Variation(Integer.toString(i), ""));
			}
			return List.copyOf(numbered);
		}
		List<SceneTemplate.Variation> named = new ArrayList<>();
		for (YamlNode item : variants.get().items("variants")) {
			named.add(new SceneTemplate.Variation(item.text("name"), item.text("text")));
		}
		if (named.isEmpty() || named.size() > 16) {
			throw variants.get().error("'variants' must list 1 to 16 variations");
		}
		return List.copyOf(named);
	}

	private static CompositionHints hints(YamlNode node) {
		Optional<YamlNode> composition = node.child("composition");
		if (composition.isEmpty()) {
			return new CompositionHints(DEFAULT_PALETTE, 0.6, "auto", "auto", null, List.of());
		}
		YamlNode hints = composition.get();
		List<String> palette = hints.child("palette").isPresent() ? hints.strings("palette") : DEFAULT_PALETTE;
		if (palette.size() != 3 || !palette.stream().allMatch((colour) -> COLOUR.matcher(colour).matches())) {
			throw hints
				.error("'palette' must be three colours as #rrggbb (wall top, wall bottom, floor), was " + palette);
		}
		String placement = hints.text("placement", "auto");
		if (!CompositionHints.PLACEMENTS.contains(placement)) {
			throw hints
				.error("'placement' must be one of " + CompositionHints.PLACEMENTS + ", was '" + placement + "'");
		}
		String surface = hints.text("surface", "auto");
		if (!CompositionHints.SURFACES.contains(surface)) {
			throw hints.error("'surface' must be one of " + CompositionHints.SURFACES + ", was '" + surface + "'");
		}
		Double scaleSizeCm = hints.child("scale_size_cm").isPresent() ? hints.decimal("scale_size_cm", 0.5, 1000, null)
				: null;
		List<String> props = hints.strings("props");
		if (props.size() > CompositionHints.MOST_PROPS || !CompositionHints.PROPS.containsAll(props)) {
			throw hints.error("'props' must list at most " + CompositionHints.MOST_PROPS + " of "
					+ CompositionHints.PROPS + ", was " + props);
		}
		return new CompositionHints(palette, hints.decimal("product_scale", 0.1, 1.0, 0.6), placement, surface,
				scaleSizeCm, props);
	}

	private static void validateByRendering(CompiledTemplateSet set) {
		PromptExpander expander = PromptExpander.forSet(set);
		for (ProductFacts sample : SAMPLES) {
			expander.expand("validation", sample, null);
		}
	}

}
