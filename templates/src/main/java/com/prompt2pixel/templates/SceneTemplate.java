package com.prompt2pixel.templates;

import java.util.List;

/**
 * One scene a product can be rendered into.
 *
 * @param id stable identifier, unique within the library
 * @param version bumped whenever anything that changes the pixels changes
 * @param name human-readable scene name
 * @param prompt Mustache template over the product's fields
 * @param negativePrompt Mustache template over the product's fields
 * @param width output width in pixels
 * @param height output height in pixels
 * @param palette scene colours as {@code #rrggbb}: wall top, wall bottom, floor
 * @param productScale share of the shorter image side the product may occupy
 */
public record SceneTemplate(String id, int version, String name, String prompt, String negativePrompt, int width,
		int height, List<String> palette, double productScale) {

}
