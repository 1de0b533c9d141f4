package com.prompt2pixel.expand;

import java.nio.file.Path;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.ProductMatte;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskPlannerTest {

	private static final Path TINY = Path.of("..", "models", "src", "test", "resources", "tiny-matte");

	@Test
	void shouldKeyARenderOnHowItsProductIsCutOutUnlessThatIsTheDefault() {
		CompositorGenerator compositor = new CompositorGenerator();

		assertThat(TaskPlanner.keyedModel(compositor, ProductMatte.named("auto", null)))
			.as("keys made before the matte was a setting still match")
			.isEqualTo(compositor.model());
		assertThat(TaskPlanner.keyedModel(compositor, ProductMatte.named("keyer", null)))
			.isEqualTo(compositor.model() + " matte=keyer");
		try (ProductMatte model = ProductMatte.named("model", TINY)) {
			assertThat(TaskPlanner.keyedModel(compositor, model))
				.isEqualTo(compositor.model() + " matte=model:tiny-dark-on-white");
		}
	}

}
