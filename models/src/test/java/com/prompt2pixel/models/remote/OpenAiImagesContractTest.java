package com.prompt2pixel.models.remote;

import java.util.Map;

import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageGeneratorContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OpenAiImagesContractTest extends ImageGeneratorContract {

	private FakeInferenceServer fake;

	private ImageGenerator generator;

	@BeforeEach
	void start() {
		this.fake = new FakeInferenceServer();
		this.fake.answerOpenAi();
		this.generator = new OpenAiImagesGenerator(this.fake.endpoint(Map.of("Authorization", "Bearer sk-test")),
				"dall-e-3");
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
