package com.prompt2pixel.templates;

import java.util.List;

/**
 * Hints for the non-generative compositor.
 *
 * @param palette scene colours as {@code #rrggbb}: wall top, wall bottom, floor
 * @param productScale share of the shorter image side the product may occupy
 */
public record CompositionHints(List<String> palette, double productScale) {

}
