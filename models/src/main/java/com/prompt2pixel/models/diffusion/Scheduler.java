package com.prompt2pixel.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * One sampling run of a scheduler over a batch: which timesteps the model sees, how the
 * latents enter the model, and how the model's noise prediction moves them one step. An
 * instance keeps the run's state (DPM-Solver++ remembers its last prediction): one per
 * batch.
 */
public interface Scheduler {

	/** The timestep values passed to the UNet, one per step, from noisy to clean. */
	double[] timesteps();

	/** What the seeded unit-variance noise is multiplied by to start. */
	double initNoiseSigma();

	/**
	 * alpha-bar of the noise level the UNet sees at a step: its input is sqrt(alpha-bar)
	 * x_0 + sqrt(1 - alpha-bar) noise. What turns a v-prediction into a noise prediction.
	 */
	double alphaCumprod(int step);

	/** The latents as the UNet takes them at a step. */
	NDArray scaleModelInput(NDArray sample, int step);

	/**
	 * The latents after a step, from the UNet's noise prediction.
	 * @param noise fresh noise for schedulers that add some (LCM); drawn only when needed
	 */
	NDArray step(NDArray noisePrediction, int step, NDArray sample, StepNoise noise);

	/**
	 * Clean latents noised to the level a sample has when it enters {@code step}; at
	 * {@code step} equal to the number of steps, the clean latents themselves. Used to
	 * start from an image part way, and to hold the kept region of an image at each
	 * step's level.
	 */
	NDArray addNoise(NDArray original, NDArray noise, int step);

	/** Fresh seeded noise shaped like the latents. */
	@FunctionalInterface
	interface StepNoise {

		NDArray next(NDArray like);

	}

	/**
	 * A new run of the named scheduler.
	 * @throws IllegalArgumentException for an unknown name or a step count out of range
	 */
	static Scheduler create(String name, NoiseSchedule schedule, int steps) {
		if (steps < 1 || steps > schedule.trainTimesteps()) {
			throw new IllegalArgumentException(
					"steps must be from 1 to " + schedule.trainTimesteps() + ", was " + steps);
		}
		return switch (name) {
			case "euler" -> new EulerScheduler(schedule, steps);
			case "ddim" -> new DdimScheduler(schedule, steps);
			case "dpm++2m" -> new DpmSolverScheduler(schedule, steps);
			case "lcm" -> new LcmScheduler(schedule, steps);
			default -> throw new IllegalArgumentException("scheduler must be euler, ddim, dpm++2m or lcm, was " + name);
		};
	}

}
