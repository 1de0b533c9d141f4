package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Java schedulers against reference values computed in Python by the published
 * formulas ({@code schedulers/make_scheduler_fixtures.py}), on the same deterministic
 * inputs, step by step.
 */
class SchedulerTest {

	private static JsonNode fixtures;

	private static NDManager manager;

	@BeforeAll
	static void load() throws IOException {
		System.setProperty("ai.djl.offline", "true");
		try (InputStream in = SchedulerTest.class.getResourceAsStream("/schedulers/scheduler-fixtures.json")) {
			fixtures = JsonMapper.builder().build().readTree(in);
		}
		manager = NDManager.newBaseManager();
	}

	@AfterAll
	static void close() {
		manager.close();
	}

	static Stream<Arguments> runs() {
		List<Arguments> runs = new ArrayList<>();
		for (String scheduler : List.of("euler", "ddim", "dpm++2m", "lcm")) {
			for (int steps : List.of(1, 4, 10)) {
				runs.add(Arguments.of(scheduler, steps));
			}
		}
		return runs.stream();
	}

	@ParameterizedTest(name = "{0}, {1} steps")
	@MethodSource("runs")
	void shouldMatchTheReferenceStepByStep(String name, int steps) {
		JsonNode expected = fixtures.path("schedulers").path(name).path(Integer.toString(steps));
		int size = fixtures.path("size").asInt();
		Scheduler scheduler = Scheduler.create(name, new NoiseSchedule(fixtures.path("num_train_timesteps").asInt(),
				fixtures.path("beta_start").asDouble(), fixtures.path("beta_end").asDouble(), true), steps);

		assertThat(scheduler.timesteps()).containsExactly(doubles(expected.path("timesteps")), within(1e-9));
		assertThat(scheduler.initNoiseSigma()).isCloseTo(expected.path("init_noise_sigma").asDouble(), within(1e-9));
		NDArray sample = manager.create(input(size, (i) -> Math.sin(0.37 * i + 0.11))).mul(scheduler.initNoiseSigma());
		for (int k = 0; k < steps; k++) {
			int step = k;
			assertClose(scheduler.scaleModelInput(sample, k), expected.path("model_inputs").get(k), name, k);
			NDArray output = manager.create(input(size, (i) -> Math.cos(0.21 * i + 0.5 * step)));
			sample = scheduler.step(output, k, sample,
					(like) -> manager.create(input(size, (i) -> Math.sin(0.13 * i - 0.7 * step))));
			assertClose(sample, expected.path("outputs").get(k), name, k);
		}
	}

	/**
	 * A v-prediction turned into a noise prediction moves Euler's latents as diffusers'
	 * Euler does with v ({@code x_0 = v * -sigma / sqrt(sigma^2 + 1) + sample / (sigma^2
	 * + 1)}, then the derivative (sample - x_0) / sigma), and gives DDIM's published
	 * noise (sqrt(alpha-bar) v + sqrt(1 - alpha-bar) x_t).
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "euler", "ddim" })
	void shouldTurnAVelocityIntoTheNoiseThePublishedFormulasImply(String name) {
		int size = 64;
		NoiseSchedule schedule = NoiseSchedule.STABLE_DIFFUSION;
		Scheduler scheduler = Scheduler.create(name, schedule, 10);
		for (int step = 0; step < 10; step++) {
			int k = step;
			float[] sample = input(size, (i) -> 3 * Math.sin(0.37 * i + k));
			float[] velocity = input(size, (i) -> Math.cos(0.21 * i - k));
			NDArray modelInput = scheduler.scaleModelInput(manager.create(sample), step);
			float[] noise = DenoisingLoop
				.noiseFromVelocity(manager.create(velocity), modelInput, scheduler.alphaCumprod(step))
				.toFloatArray();
			double alpha = scheduler.alphaCumprod(step);
			double sigma = Math.sqrt((1 - alpha) / alpha);
			for (int i = 0; i < size; i++) {
				double expected;
				if (name.equals("euler")) {
					double clean = velocity[i] * -sigma / Math.sqrt(sigma * sigma + 1)
							+ sample[i] / (sigma * sigma + 1);
					expected = (sample[i] - clean) / sigma;
				}
				else {
					expected = Math.sqrt(alpha) * velocity[i] + Math.sqrt(1 - alpha) * sample[i];
				}
				assertThat((double) noise[i]).as("%s step %d element %d", name, step, i)
					.isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
			}
		}
	}

	@Test
	void shouldSeeTheSameNoiseLevelInEulersSigmaAsInTheTrainingSchedule() {
		NoiseSchedule schedule = NoiseSchedule.STABLE_DIFFUSION;
		double[] alphas = schedule.alphasCumprod();
		// at every training timestep, Euler's interpolated sigma is the schedule's own
		Scheduler euler = Scheduler.create("euler", schedule, schedule.trainTimesteps());
		for (int step = 0; step < schedule.trainTimesteps(); step += 111) {
			assertThat(euler.alphaCumprod(step)).isCloseTo(alphas[schedule.trainTimesteps() - 1 - step], within(1e-12));
		}
		Scheduler ddim = Scheduler.create("ddim", schedule, 10);
		assertThat(ddim.alphaCumprod(0)).isEqualTo(alphas[(int) ddim.timesteps()[0]]);
	}

	private static void assertClose(NDArray actual, JsonNode expected, String name, int step) {
		float[] values = actual.toFloatArray();
		double[] reference = doubles(expected);
		for (int i = 0; i < reference.length; i++) {
			assertThat((double) values[i]).as("%s step %d element %d", name, step, i)
				.isCloseTo(reference[i], within(1e-4 * Math.max(1, Math.abs(reference[i]))));
		}
	}

	private static float[] input(int size, java.util.function.IntToDoubleFunction value) {
		float[] values = new float[size];
		for (int i = 0; i < size; i++) {
			values[i] = (float) value.applyAsDouble(i);
		}
		return values;
	}

	private static double[] doubles(JsonNode array) {
		double[] values = new double[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = array.get(i).asDouble();
		}
		return values;
	}

}
