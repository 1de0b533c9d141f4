package com.prompt2pixel.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The built-in scene-template sets, read from {@code scene-templates/<set>.yaml} on the
 * classpath. A set is validated completely when it loads (fields, sizes, colours, and
 * every prompt rendered once against a sample product), so a bad template fails before a
 * run creates any task.
 */
public final class TemplateLibrary {

	/** The set used when a run names none. */
	public static final String DEFAULT_SET = "home-kitchen";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final ProductFacts SAMPLE = new ProductFacts("SAMPLE-1", "Sample mug", "A sample.", "Kitchen",
			"Sample Co");

	private final ClassLoader classLoader;

	private final String folder;

	TemplateLibrary(ClassLoader classLoader, String folder) {
		this.classLoader = classLoader;
		this.folder = folder;
	}

	public static TemplateLibrary fromClasspath() {
		return new TemplateLibrary(TemplateLibrary.class.getClassLoader(), "scene-templates/");
	}

	/**
	 * The names of the sets this library holds, as listed in
	 * {@code scene-templates/sets.txt}.
	 */
	public List<String> setIds() {
		String index = read(this.folder + "sets.txt");
		if (index == null) {
			throw new TemplateException(this.folder + "sets.txt is missing from the classpath");
		}
		return Arrays.stream(index.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/**
	 * Loads and validates one set.
	 * @throws TemplateException naming the set, template and problem
	 */
	public TemplateSet load(String setId) {
		if (!setIds().contains(setId)) {
			throw new TemplateException(
					"unknown template set '" + setId + "'; available: " + String.join(", ", setIds()));
		}
		String file = this.folder + setId + ".yaml";
		String yaml = read(file);
		if (yaml == null) {
			throw new TemplateException("template set '" + setId + "' is listed but " + file + " is missing");
		}
		TemplateSet set = parse(setId, file, yaml);
		new PromptExpander(set).expand("validation", SAMPLE, 1);
		return set;
	}

	private TemplateSet parse(String setId, String file, String yaml) {
		Map<String, Object> root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException ex) {
			throw new TemplateException(file + ": " + ex.getMessage(), ex);
		}
		Fields top = new Fields(file, root);
		List<SceneTemplate> scenes = new ArrayList<>();
		for (Map<String, Object> raw : top.list("scenes")) {
			scenes.add(scene(new Fields(file + " scene '" + raw.get("id") + "'", raw)));
		}
		if (scenes.isEmpty()) {
			throw new TemplateException(file + ": a template set needs at least one scene");
		}
		long distinctIds = scenes.stream().map(SceneTemplate::id).distinct().count();
		if (distinctIds != scenes.size()) {
			throw new TemplateException(file + ": scene ids must be unique within a set");
		}
		return new TemplateSet(setId, top.text("vertical"), List.copyOf(scenes));
	}

	private static SceneTemplate scene(Fields fields) {
		int width = fields.integer("width", 64, 4096);
		int height = fields.integer("height", 64, 4096);
		if (width % 8 != 0 || height % 8 != 0) {
			throw fields.error("width and height must be multiples of 8, were " + width + "x" + height);
		}
		List<String> palette = fields.strings("palette");
		if (palette.size() != 3 || !palette.stream().allMatch((colour) -> COLOUR.matcher(colour).matches())) {
			throw fields
				.error("palette must be three colours as #rrggbb (wall top, wall bottom, floor), was " + palette);
		}
		double productScale = fields.decimal("product_scale", 0.1, 1.0);
		return new SceneTemplate(fields.text("id"), fields.integer("version", 1, Integer.MAX_VALUE),
				fields.text("name"), fields.text("prompt"), fields.text("negative_prompt"), width, height, palette,
				productScale);
	}

	private String read(String resource) {
		try (InputStream in = this.classLoader.getResourceAsStream(resource)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

}
