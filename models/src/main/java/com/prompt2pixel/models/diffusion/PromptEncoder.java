package com.prompt2pixel.models.diffusion;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Prompts to the text encoder's hidden states, all of a batch's prompts in one call. Not
 * a DJL {@code Translator}: a predictor's arrays are closed when its call returns, and
 * the hidden states must stay on the device for every step of the denoising loop (copying
 * them out and back in per step would cost more than the encoding).
 */
final class PromptEncoder {

	private final DiffusionPipeline pipeline;

	PromptEncoder(DiffusionPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/** Hidden states [B, L, H], in the manager's lifetime. */
	NDArray encode(NDManager manager, List<String> prompts) {
		return this.pipeline.encodeText(manager, tokens(manager, prompts));
	}

	/**
	 * Token ids padded (or cut, keeping the end token) to the pipeline's length.
	 */
	NDArray tokens(NDManager manager, List<String> prompts) {
		PipelineConfig config = this.pipeline.config();
		int length = config.maxTextLength();
		long[] ids = new long[prompts.size() * length];
		Arrays.fill(ids, config.padTokenId());
		for (int i = 0; i < prompts.size(); i++) {
			long[] encoded = this.pipeline.tokenizer().encode(prompts.get(i)).getIds();
			int used = Math.min(encoded.length, length);
			System.arraycopy(encoded, 0, ids, i * length, used);
			if (encoded.length > length) {
				ids[i * length + length - 1] = encoded[encoded.length - 1];
			}
		}
		return manager.create(ids, new Shape(prompts.size(), length));
	}

}
