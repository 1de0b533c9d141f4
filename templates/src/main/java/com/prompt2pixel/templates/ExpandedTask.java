package com.prompt2pixel.templates;

/**
 * One image to render: a product in a scene, in one variant.
 *
 * @param set the template set the scene belongs to
 * @param template the scene
 * @param matchedRule why this set was chosen for the product
 * @param variant 1-based variant number
 * @param variation the variation the variant uses
 * @param seed deterministic seed (see {@link Seeds})
 * @param prompt the rendered prompt
 * @param negativePrompt the rendered negative prompt
 * @param alt the rendered alt text, at most {@link SceneTemplate#ALT_MAX} characters
 */
public record ExpandedTask(String set, SceneTemplate template, String matchedRule, int variant,
		SceneTemplate.Variation variation, long seed, String prompt, String negativePrompt, String alt) {

}
