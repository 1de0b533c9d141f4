package com.prompt2pixel.templates;

import java.util.List;

/**
 * How a scene is generated.
 *
 * @param width image width, a multiple of 8 from 64 to 4096
 * @param height image height, a multiple of 8 from 64 to 4096
 * @param steps denoising steps, 1 to 150
 * @param guidance classifier-free guidance scale, 0 to 30
 * @param scheduler sampler name: euler, ddim, dpm++2m or lcm
 * @param model the model name the backend configuration maps to a backend
 * @param img2imgStrength how far img2img may move from the product photo, 0 to 1
 */
public record GenerationParams(int width, int height, int steps, double guidance, String scheduler, String model,
		double img2imgStrength) {

	public static final List<String> SCHEDULERS = List.of("euler", "ddim", "dpm++2m", "lcm");

}
