package com.prompt2pixel.generate;

import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.task.RenderTask;

/**
 * A task with its generator request, or the reason it cannot be rendered.
 */
record GenerationInput(RenderTask task, ImageRequest request, String failure) {

	static GenerationInput ready(RenderTask task, ImageRequest request) {
		return new GenerationInput(task, request, null);
	}

	static GenerationInput unusable(RenderTask task, String failure) {
		return new GenerationInput(task, null, failure);
	}

}
