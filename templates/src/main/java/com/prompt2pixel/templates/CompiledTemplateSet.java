package com.prompt2pixel.templates;

import java.util.List;
import java.util.Map;

/**
 * A template set ready to expand: its definition plus each scene's compiled prompts.
 */
public final class CompiledTemplateSet {

	private final TemplateSet set;

	private final List<CompiledScene> scenes;

	CompiledTemplateSet(TemplateSet set, List<CompiledScene> scenes) {
		this.set = set;
		this.scenes = List.copyOf(scenes);
	}

	public TemplateSet set() {
		return this.set;
	}

	List<CompiledScene> scenes() {
		return this.scenes;
	}

	/**
	 * @param alt the compiled alt text; null for the product's title and the scene's name
	 */
	record CompiledScene(SceneTemplate template, PromptTemplate prompt, PromptTemplate negativePrompt,
			PromptTemplate alt) {

		String prompt(Map<String, Object> fields) {
			return this.prompt.render(fields);
		}

		String negativePrompt(Map<String, Object> fields) {
			return this.negativePrompt.render(fields);
		}

		String alt(Map<String, Object> fields) {
			String text = (this.alt != null) ? this.alt.render(fields)
					: fields.get("title") + " — " + this.template.name();
			return cut(text, SceneTemplate.ALT_MAX);
		}

		/** At most {@code max} characters, cut after a whole word where there is one. */
		static String cut(String text, int max) {
			if (text.length() <= max) {
				return text;
			}
			int space = text.lastIndexOf(' ', max);
			return (space > max / 2) ? text.substring(0, space) : text.substring(0, max);
		}

	}

}
