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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
