package com.prompt2pixel.run;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Generation parameters of one render task, stored as JSON in {@code render_task.params}.
 *
 * @param width image width
 * @param height image height
 * @param palette scene colours for the compositor: wall top, wall bottom, floor
 * @param productScale share of the shorter side the product may occupy
 */
public record RenderParams(int width, int height, List<String> palette,
		@JsonProperty("product_scale") double productScale) {

}
