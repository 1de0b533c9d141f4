package com.prompt2pixel.models.diffusion;

import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageGeneratorContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class StableDiffusionContractTest extends ImageGeneratorContract {

	private static StableDiffusionGenerator generator;

	@BeforeAll
	static void load() {
		generator = StableDiffusionGenerator.load(StableDiffusionGeneratorTest.TINY, "cpu");
	}

	@AfterAll
	static void close() {
		generator.close();
	}

	@Override
	protected ImageGenerator generator() {
		return generator;
	}

}
