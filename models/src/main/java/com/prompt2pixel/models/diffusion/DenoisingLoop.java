package com.prompt2pixel.models.diffusion;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.prompt2pixel.models.Sampling;

/**
 * The sampler's steps over a batch's latents: per step one UNet call for the whole batch,
 * the unconditional and conditional halves of classifier-free guidance stacked in it. A
 * batch that keeps its products starts from their scenes a few steps in; a plain UNet's
 * product latents are held at every step, an inpainting UNet is given the mask and the
 * product's latents as input instead. Each request's noise comes from its own seed
 * ({@link SeededNoise}), so a seed gives the same image whatever else is in the batch.
 */
final class DenoisingLoop {

	private final DiffusionPipeline pipeline;

	private final SceneLatents scenes;

	DenoisingLoop(DiffusionPipeline pipeline, SceneLatents scenes) {
		this.pipeline = pipeline;
		this.scenes = scenes;
	}

	/**
	 * @param hidden the prompts' hidden states: negative prompts first when guided
	 * @param scene where the batch starts from when it keeps products, else null
	 * @return the denoised latents, in the manager's lifetime
	 */
	NDArray run(NDManager manager, NDArray hidden, Sampling sampling, List<SeededNoise> noises, Shape latentShape,
			SceneLatents.Scene scene) {
		PipelineConfig config = this.pipeline.config();
		boolean guided = sampling.guided();
		boolean velocity = config.predictionType().equals("v_prediction");
		int size = noises.size();
		int latentHeight = (int) latentShape.get(2);
		int latentWidth = (int) latentShape.get(3);
		Scheduler scheduler = Scheduler.create(sampling.scheduler(), config.schedule(), sampling.steps());
		NDArray start = noise(manager, noises, latentShape);
		double[] timesteps = scheduler.timesteps();
		int first = 0;
		NDArray latents;
		if (scene != null) {
			first = Math.max(0, timesteps.length - sampling.stepsFromScene());
			latents = scheduler.addNoise(scene.latents(), start, first);
		}
		else {
			latents = start.mul(scheduler.initNoiseSigma());
		}
		NDArray inpainting = config.inpaintingUnet()
				? this.scenes.inpaintingInput(manager, scene, size, latentHeight, latentWidth) : null;
		int prompts = guided ? 2 * size : size;
		for (int step = first; step < timesteps.length; step++) {
			NDArray next;
			try (NDScope scope = new NDScope()) {
				NDArray input = scheduler.scaleModelInput(latents, step);
				NDArray unetInput = (inpainting != null) ? input.concat(inpainting, 1) : input;
				NDArray modelInput = guided ? NDArrays.concat(new NDList(unetInput, unetInput)) : unetInput;
				NDArray time = manager.full(new Shape(prompts), (float) timesteps[step]);
				NDArray output = this.pipeline.predict(manager, modelInput, time, hidden);
				NDArray prediction = guided ? guide(output, size, sampling.guidance()) : output;
				if (velocity) {
					prediction = noiseFromVelocity(prediction, input, scheduler.alphaCumprod(step));
				}
				next = scheduler.step(prediction, step, latents, (like) -> noise(manager, noises, like.getShape()));
				if (scene != null && inpainting == null) {
					// the product's latents, held at the noise level of the rest (an
					// inpainting UNet is given them instead)
					NDArray kept = scheduler.addNoise(scene.latents(), start, step + 1);
					next = next.mul(scene.generate()).add(kept.mul(scene.keep()));
				}
				NDScope.unregister(next);
			}
			latents.close();
			latents = next;
		}
		return latents;
	}

	/** unconditional + guidance * (conditional - unconditional). */
	static NDArray guide(NDArray output, int size, double guidance) {
		NDList halves = output.split(2);
		NDArray unconditional = halves.get(0);
		// one new array, then in place: a third of the allocations of add(sub().mul())
		return halves.get(1).sub(unconditional).muli(guidance).addi(unconditional);
	}

	/**
	 * The noise prediction from a v-prediction (SD 2.x at 768, some fine-tunes): with x_t
	 * = a x_0 + s noise and v = a noise - s x_0 (a = sqrt(alpha-bar), s = sqrt(1 -
	 * alpha-bar)), noise = a v + s x_t. The schedulers then step as for any epsilon
	 * model.
	 * @param modelInput x_t, the latents as the UNet took them (one copy, not doubled)
	 */
	static NDArray noiseFromVelocity(NDArray velocity, NDArray modelInput, double alphaCumprod) {
		return velocity.mul(Math.sqrt(alphaCumprod)).addi(modelInput.mul(Math.sqrt(1 - alphaCumprod)));
	}

	/** Each request's next noise from its own seed, stacked into a batch. */
	private static NDArray noise(NDManager manager, List<SeededNoise> noises, Shape shape) {
		int perImage = (int) (shape.size() / noises.size());
		float[] values = new float[perImage * noises.size()];
		for (int i = 0; i < noises.size(); i++) {
			System.arraycopy(noises.get(i).next(perImage), 0, values, i * perImage, perImage);
		}
		return manager.create(values, shape);
	}

}
