package com.prompt2pixel.models.remote;

import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.RgbImage;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneComposer;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.models.TestPhotos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteBackendTest {

	private final FakeInferenceServer fake = new FakeInferenceServer();

	@AfterEach
	void stop() {
		this.fake.close();
	}

	@Test
	void shouldSendAutomatic1111TheRequestsSettings() {
		this.fake.answerAutomatic1111();

		new Automatic1111Generator(this.fake.endpoint(Map.of()), "sd15.safetensors")
			.generate(List.of(request(0x1_0000_0005L, "dpm++2m")));

		this.fake.server.verify(postRequestedFor(urlEqualTo("/sdapi/v1/txt2img")).withRequestBody(equalToJson("""
				{"prompt":"a red ring","negative_prompt":"blurry","seed":5,"width":64,"height":64,"steps":20,
				 "cfg_scale":6.5,"sampler_name":"DPM++ 2M","batch_size":1,"n_iter":1,"send_images":true,
				 "save_images":false,"override_settings":{"sd_model_checkpoint":"sd15.safetensors"}}""")));
	}

	@Test
	void shouldInpaintAroundTheProductAndKeepItsPixels() {
		this.fake.answerAutomatic1111();
		ImageRequest request = new ImageRequest("a red ring", "blurry", 3, 64, 64,
				Png.encode(TestPhotos.redRingOnWhite()), SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.6),
				new Sampling(20, 6.5, "euler", "default", 0.7));

		RgbImage png = new Automatic1111Generator(this.fake.endpoint(Map.of()), null).generate(List.of(request))
			.get(0)
			.pixels();

		this.fake.server.verify(postRequestedFor(urlEqualTo("/sdapi/v1/img2img"))
			.withRequestBody(matchingJsonPath("$.denoising_strength", equalTo("0.7")))
			.withRequestBody(matchingJsonPath("$.init_images[0]"))
			.withRequestBody(matchingJsonPath("$.mask")));
		SceneComposer.Composition scene = SceneComposer.compose(request);
		BufferedImage image = png.toBufferedImage();
		int kept = 0;
		for (int p = 0; p < scene.productAlpha().length; p++) {
			if (scene.productAlpha()[p] == 1f) {
				kept++;
				assertThat(image.getRGB(p % 64, p / 64)).isEqualTo(scene.scene().getRGB(p % 64, p / 64));
			}
		}
		assertThat(kept).isPositive();
	}

	@Test
	void shouldSendTheOpenAiApiItsKeyAndFields() {
		this.fake.answerOpenAi();

		new OpenAiImagesGenerator(this.fake.endpoint(Map.of("Authorization", "Bearer sk-test")), "dall-e-3")
			.generate(List.of(request(5, "euler")));

		this.fake.server.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withRequestBody(equalToJson("""
					{"model":"dall-e-3","prompt":"a red ring. Avoid: blurry","n":1,"size":"64x64",
					 "response_format":"b64_json"}""")));
	}

	@Test
	void shouldRetryServerErrorsAndRateLimitsWithBackoff() {
		this.fake.server.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("model loading"))
			.willSetStateTo("busy"));
		this.fake.server.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).inScenario("flaky")
			.whenScenarioStateIs("busy")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.07"))
			.willSetStateTo("ready"));
		this.fake.server.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).inScenario("flaky")
			.whenScenarioStateIs("ready")
			.willReturn(FakeInferenceServer.json("{\"images\":[\"" + FakeInferenceServer.png(64, 64) + "\"]}")));

		RgbImage png = new Automatic1111Generator(this.fake.endpoint(Map.of()), null)
			.generate(List.of(request(1, "euler")))
			.get(0)
			.pixels();

		assertThat(png.width()).isEqualTo(64);
		assertThat(this.fake.sleeps).as("the backoff, then the server's Retry-After")
			.containsExactly(Duration.ofMillis(5), Duration.ofMillis(70));
	}

	@Test
	void shouldFailAtOnceWithTheServersWordsOnARefusal() {
		this.fake.server.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"message\":\"Invalid size '96x64'.\",\"type\":\"invalid_request_error\"}}")));

		assertThatThrownBy(() -> new OpenAiImagesGenerator(this.fake.endpoint(Map.of()), "dall-e-3")
			.generate(List.of(request(1, "euler")))).isInstanceOf(RemoteBackendException.class)
			.hasMessageContaining("refused the request (HTTP 400: {\"error\":{\"message\":\"Invalid size '96x64'.\"");
		assertThat(this.fake.sleeps).isEmpty();
	}

	@Test
	void shouldGiveTheReasonWhenTheServerCannotBeReached() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<Duration> sleeps = new ArrayList<>();
		RemoteEndpoint nowhere = new RemoteEndpoint(URI.create("http://localhost:" + port), Map.of(),
				Duration.ofSeconds(2),
				FakeInferenceServer.recorded(FakeInferenceServer.retry(3, Duration.ofMillis(10)), sleeps));

		assertThatThrownBy(() -> new Automatic1111Generator(nowhere, null).generate(List.of(request(1, "euler"))))
			.isInstanceOf(RemoteBackendException.class)
			.hasMessageStartingWith("http://localhost:" + port + "/sdapi/v1/txt2img gave no image after 3 attempts: "
					+ "ConnectException");
		assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
	}

	@Test
	void shouldReturnNoPartialBatchWhenAnImageIsBroken() {
		this.fake.server
			.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).withRequestBody(matchingJsonPath("$.seed", equalTo("1")))
				.willReturn(FakeInferenceServer.json("{\"images\":[\"" + FakeInferenceServer.png(64, 64) + "\"]}")));
		this.fake.server
			.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).withRequestBody(matchingJsonPath("$.seed", equalTo("2")))
				.willReturn(FakeInferenceServer.json("{\"images\":[\"aGVsbG8gd29ybGQ=\"]}")));

		assertThatThrownBy(() -> new Automatic1111Generator(this.fake.endpoint(Map.of()), null)
			.generate(List.of(request(1, "euler"), request(2, "euler")))).isInstanceOf(RemoteBackendException.class)
			.hasMessageEndingWith("answered with bytes that are not a readable image (11 bytes)");
	}

	private static ImageRequest request(long seed, String scheduler) {
		return new ImageRequest("a red ring", "blurry", seed, 64, 64, new byte[0],
				SceneStyle.of(List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5),
				new Sampling(20, 6.5, scheduler, "default", 1.0));
	}

}
