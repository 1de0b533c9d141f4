package com.prompt2pixel.models.remote;

import java.util.Map;

import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageGeneratorContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class Automatic1111ContractTest extends ImageGeneratorContract {

	private FakeInferenceServer fake;

	private ImageGenerator generator;

	@BeforeEach
	void start() {
		this.fake = new FakeInferenceServer();
		this.fake.answerAutomatic1111();
		this.generator = new Automatic1111Generator(this.fake.endpoint(Map.of()), "sd15.safetensors");
	}

	@AfterEach
	void stop() {
		this.fake.close();
	}

	@Override
	protected ImageGenerator generator() {
		return this.generator;
	}

}
