package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.prompt2pixel.generate.GenerateProperties;
import com.prompt2pixel.models.diffusion.PipelineConfig;
import com.prompt2pixel.models.diffusion.PipelineException;
import picocli.CommandLine.Option;

/**
 * Which backend renders, for the commands that render or price a run. They become the
 * application's {@code p2p.generate.*} properties.
 */
class GeneratorOptions {

	@Option(names = "--backend", paramLabel = "NAME", completionCandidates = Backends.class,
			description = "one of ${COMPLETION-CANDIDATES}; a1111 and openai take their server from "
					+ "p2p.generate.url (default: djl with --model-dir, else the compositor)")
	String backend;

	/** Every backend there is, for the help text. */
	static final class Backends implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return GenerateProperties.BACKENDS.iterator();
		}

	}

	@Option(names = "--model-dir", paramLabel = "DIR",
			description = "Stable Diffusion pipeline directory (models/export/README.md); implies --backend djl")
	Path modelDir;

	@Option(names = "--device", paramLabel = "DEVICE", description = "for djl: cpu, cuda or cuda:N (default: cpu)")
	String device;

	/**
	 * Checks what can be checked without starting anything: a known backend, and a
	 * readable pipeline.json whose parts exist. What the configuration supplies (a model
	 * directory from {@code P2P_GENERATE_MODEL_DIR}, say) is checked when the application
	 * starts.
	 * @return the problem, or null
	 */
	String problem() {
		if (this.backend != null && !GenerateProperties.BACKENDS.contains(this.backend)) {
			return "--backend must be one of " + GenerateProperties.BACKENDS + ", was '" + this.backend + "'";
		}
		if (this.modelDir != null) {
			if ("compositor".equals(this.backend)) {
				return "--model-dir is for --backend djl, not the compositor";
			}
			try {
				PipelineConfig.read(this.modelDir.toAbsolutePath());
			}
			catch (PipelineException ex) {
				return ex.getMessage();
			}
		}
		return null;
	}

	/** The options as application arguments. */
	String[] toArgs() {
		List<String> args = new ArrayList<>();
		if (this.backend != null) {
			args.add("--p2p.generate.backend=" + this.backend);
		}
		if (this.modelDir != null) {
			args.add("--p2p.generate.model-dir=" + this.modelDir.toAbsolutePath());
		}
		if (this.device != null) {
			args.add("--p2p.generate.device=" + this.device);
		}
		return args.toArray(String[]::new);
	}

}
