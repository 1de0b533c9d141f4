package com.prompt2pixel.generate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Image generation: the default backend, and backends for named models (a scene
 * template's {@code model}).
 *
 * @param batchSize render tasks per chunk, and so per generator batch; a restart redoes
 * at most one chunk
 * @param partitions id ranges a run's tasks are split into when its manager has live
 * worker nodes: each is executed by one worker, and restarts on its own (without workers
 * a run is one range)
 * @param backend the default backend's settings (its fields are {@code p2p.generate.*})
 * @param models backends by model name, e.g.
 * {@code p2p.generate.models.turbo.backend=djl}
 */
@Validated
@ConfigurationProperties("p2p.generate")
public record GenerateProperties(@Min(1) @Max(256) int batchSize, @Min(1) @Max(256) int partitions, String backend,
		Path modelDir, String device, URI url, String model, String apiKey, Duration timeout, Integer attempts,
		Map<String, Backend> models) {

	/** The backends there are. */
	public static final List<String> BACKENDS = List.of("compositor", "djl", "a1111", "openai");

	public GenerateProperties {
		models = (models != null) ? Map.copyOf(models) : Map.of();
	}

	/** The default backend, from the top-level fields. */
	public Backend defaultBackend() {
		return new Backend(this.backend, this.modelDir, this.device, this.url, this.model, this.apiKey, this.timeout,
				this.attempts);
	}

	/**
	 * One backend's settings.
	 *
	 * @param backend {@code compositor}, {@code djl}, {@code a1111} or {@code openai};
	 * empty means {@code djl} when a model directory is set, else the compositor
	 * @param modelDir for {@code djl}: the Stable Diffusion pipeline directory
	 * @param device for {@code djl}: {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @param url for {@code a1111} and {@code openai}: the server's base URL
	 * @param model for {@code a1111}: the checkpoint (empty: the one loaded); for
	 * {@code openai}: the model
	 * @param apiKey for {@code openai}: the API key (from the environment)
	 * @param timeout for remote backends: one request
	 * @param attempts for remote backends: attempts per image
	 */
	public record Backend(String backend, Path modelDir, String device, URI url, String model, String apiKey,
			Duration timeout, Integer attempts) {

		/** The backend's name, with the default applied. */
		public String name() {
			if (this.backend != null && !this.backend.isBlank()) {
				return this.backend.strip();
			}
			return (this.modelDir != null) ? "djl" : "compositor";
		}

		/** Without the API key: the settings may be logged, the key never. */
		@Override
		public String toString() {
			return "Backend[backend=" + this.backend + ", modelDir=" + this.modelDir + ", device=" + this.device
					+ ", url=" + this.url + ", model=" + this.model + ", apiKey=" + masked(this.apiKey) + ", timeout="
					+ this.timeout + ", attempts=" + this.attempts + "]";
		}

	}

	/** Without the API keys: the settings may be logged, the keys never. */
	@Override
	public String toString() {
		return "GenerateProperties[batchSize=" + this.batchSize + ", partitions=" + this.partitions + ", default="
				+ defaultBackend() + ", models=" + this.models + "]";
	}

	private static String masked(String secret) {
		return (secret == null || secret.isEmpty()) ? "(none)" : "(secret)";
	}

}
