package com.prompt2pixel.generate;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Image generation.
 *
 * @param batchSize render tasks per chunk, and so per generator batch; a restart redoes
 * at most one chunk
 * @param backend {@code compositor} or {@code djl}; empty means {@code djl} when a model
 * directory is set, else the compositor
 * @param modelDir the Stable Diffusion pipeline directory for {@code djl}
 * @param device where {@code djl} runs: {@code cpu}, {@code cuda} or {@code cuda:N}
 */
@Validated
@ConfigurationProperties("p2p.generate")
public record GenerateProperties(@Min(1) @Max(256) int batchSize, String backend, Path modelDir, String device) {

	/** The backends that exist; the remote ones are not built yet. */
	public static final List<String> BACKENDS = List.of("compositor", "djl");

	/** The backend to use, with the default applied. */
	public String effectiveBackend() {
		if (this.backend != null && !this.backend.isBlank()) {
			return this.backend.strip();
		}
		return (this.modelDir != null) ? "djl" : "compositor";
	}

}
