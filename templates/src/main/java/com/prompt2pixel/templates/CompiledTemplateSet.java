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

	record CompiledScene(SceneTemplate template, PromptTemplate prompt, PromptTemplate negativePrompt) {

		String prompt(Map<String, Object> fields) {
			return this.prompt.render(fields);
		}

		String negativePrompt(Map<String, Object> fields) {
			return this.negativePrompt.render(fields);
		}

	}

}
