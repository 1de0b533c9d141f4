package com.prompt2pixel.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * Expands products into render tasks for one template set. Templates are compiled once,
 * here; product text is only ever substituted as data, so a title containing
 * {@code {{...}}} comes out literally.
 */
public final class PromptExpander {

	private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);

	private final TemplateSet set;

	private final List<CompiledScene> scenes;

	public PromptExpander(TemplateSet set) {
		this.set = set;
		this.scenes = set.scenes().stream().map((scene) -> compile(set, scene)).toList();
	}

	/**
	 * Every scene of the set times {@code variants} variants, in a stable order.
	 */
	public List<ExpandedTask> expand(String merchant, ProductFacts product, int variants) {
		if (variants < 1) {
			throw new IllegalArgumentException("variants must be at least 1, was " + variants);
		}
		Map<String, Object> fields = fields(product);
		List<ExpandedTask> tasks = new ArrayList<>(this.scenes.size() * variants);
		for (CompiledScene scene : this.scenes) {
			String prompt = render(scene, scene.prompt(), fields);
			String negativePrompt = render(scene, scene.negativePrompt(), fields);
			for (int variant = 1; variant <= variants; variant++) {
				long seed = Seeds.of(merchant, product.sku(), scene.template().id(), scene.template().version(),
						variant);
				tasks.add(new ExpandedTask(scene.template(), variant, seed, prompt, negativePrompt));
			}
		}
		return tasks;
	}

	private String render(CompiledScene scene, Template template, Map<String, Object> fields) {
		try {
			return normaliseSpaces(template.execute(fields));
		}
		catch (MustacheException ex) {
			throw new TemplateException("template set '" + this.set.id() + "', template '" + scene.template().id()
					+ "': " + ex.getMessage(), ex);
		}
	}

	static Map<String, Object> fields(ProductFacts product) {
		return Map.of("sku", product.sku(), "title", product.title(), "description", product.description(), "category",
				product.category(), "vendor", product.vendor());
	}

	private static String normaliseSpaces(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	private static CompiledScene compile(TemplateSet set, SceneTemplate scene) {
		try {
			return new CompiledScene(scene, COMPILER.compile(scene.prompt()), COMPILER.compile(scene.negativePrompt()));
		}
		catch (MustacheException ex) {
			throw new TemplateException(
					"template set '" + set.id() + "', template '" + scene.id() + "': " + ex.getMessage(), ex);
		}
	}

	private record CompiledScene(SceneTemplate template, Template prompt, Template negativePrompt) {

	}

}
