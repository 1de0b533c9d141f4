package com.prompt2pixel.templates;

/**
 * One image to render: a product in a scene, in one variant.
 *
 * @param template the scene
 * @param variant 1-based variant number
 * @param seed deterministic seed (see {@link Seeds})
 * @param prompt the rendered prompt
 * @param negativePrompt the rendered negative prompt
 */
public record ExpandedTask(SceneTemplate template, int variant, long seed, String prompt, String negativePrompt) {

}
