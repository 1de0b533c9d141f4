package com.prompt2pixel.task;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.templates.SceneTemplate;

/**
 * Generation parameters of one render task, stored as JSON in {@code render_task.params}.
 *
 * @param width image width
 * @param height image height
 * @param steps denoising steps
 * @param guidance classifier-free guidance scale
 * @param scheduler sampler name
 * @param model model name
 * @param img2imgStrength img2img strength
 * @param palette scene colours for the compositor: wall top, wall bottom, floor
 * @param productScale share of the shorter side the product may occupy
 * @param placement the template's placement hint ({@code auto} from the product's type);
 * null in tasks written before placements existed, which is {@code auto}
 * @param surface the template's surface hint ({@code auto}: what the prompt names); null
 * in tasks written before surfaces existed, which is {@code auto}
 * @param view {@code top-down} for a flat lay, {@code front} otherwise; null in tasks
 * written before views existed, which is {@code front}
 * @param scaleSizeCm the size (cm) of a product drawn at {@code productScale}, for
 * products whose catalog states theirs; null for the placement's typical size (and in
 * tasks written before sizes)
 * @param props what stands beside the product; null in tasks written before props (none)
 */
public record RenderParams(int width, int height, int steps, double guidance, String scheduler, String model,
		@JsonProperty("img2img_strength") double img2imgStrength, List<String> palette,
		@JsonProperty("product_scale") double productScale, String placement, String surface, String view,
		@JsonProperty("scale_size_cm") Double scaleSizeCm, List<String> props) {

	public static RenderParams of(SceneTemplate template) {
		return new RenderParams(template.params().width(), template.params().height(), template.params().steps(),
				template.params().guidance(), template.params().scheduler(), template.params().model(),
				template.params().img2imgStrength(), template.hints().palette(), template.hints().productScale(),
				template.hints().placement(), template.hints().surface(), template.topDown() ? "top-down" : "front",
				template.hints().scaleSizeCm(), template.hints().props().isEmpty() ? null : template.hints().props());
	}

}
