package com.prompt2pixel.models.diffusion;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.SceneComposer;

/**
 * Where a batch that keeps its products starts from: the composed scenes (the product
 * placed on a painted backdrop, as the compositor draws it) through the VAE encoder, and
 * latent masks of where each product is; for an inpainting UNet also the extra input it
 * takes.
 */
final class SceneLatents {

	private final DiffusionPipeline pipeline;

	SceneLatents(DiffusionPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * The batch's scenes as latents; a latent cell whose pixels are at least half product
	 * is kept.
	 */
	Scene encode(NDManager manager, List<ImageRequest> batch, int latentHeight, int latentWidth) {
		PipelineConfig config = this.pipeline.config();
		List<SceneComposer.Composition> compositions = batch.stream().map(SceneComposer::compose).toList();
		int factor = config.vaeScaleFactor();
		int width = latentWidth * factor;
		int height = latentHeight * factor;
		int plane = width * height;
		float[] pixels = new float[batch.size() * 3 * plane];
		// for an inpainting UNet: the product's pixels alone, 0 (grey) around them
		float[] kept = config.inpaintingUnet() ? new float[pixels.length] : null;
		float[] keep = new float[batch.size() * latentHeight * latentWidth];
		for (int i = 0; i < compositions.size(); i++) {
			int[] argb = compositions.get(i).scene().getRGB(0, 0, width, height, null, 0, width);
			int offset = i * 3 * plane;
			for (int p = 0; p < plane; p++) {
				pixels[offset + p] = ((argb[p] >> 16) & 0xFF) / 127.5f - 1f;
				pixels[offset + plane + p] = ((argb[p] >> 8) & 0xFF) / 127.5f - 1f;
				pixels[offset + 2 * plane + p] = (argb[p] & 0xFF) / 127.5f - 1f;
			}
			float[] alpha = compositions.get(i).productAlpha();
			if (kept != null) {
				for (int p = 0; p < plane; p++) {
					if (alpha[p] >= 0.5f) {
						for (int c = 0; c < 3; c++) {
							kept[offset + c * plane + p] = pixels[offset + c * plane + p];
						}
					}
				}
			}
			for (int y = 0; y < latentHeight; y++) {
				for (int x = 0; x < latentWidth; x++) {
					float sum = 0;
					for (int dy = 0; dy < factor; dy++) {
						for (int dx = 0; dx < factor; dx++) {
							sum += alpha[(y * factor + dy) * width + x * factor + dx];
						}
					}
					keep[(i * latentHeight + y) * latentWidth + x] = (sum >= factor * factor / 2f) ? 1f : 0f;
				}
			}
		}
		Shape imageShape = new Shape(batch.size(), 3, height, width);
		NDArray latents = this.pipeline.encodeImage(manager, manager.create(pixels, imageShape));
		NDArray keptLatents = (kept != null) ? this.pipeline.encodeImage(manager, manager.create(kept, imageShape))
				: null;
		NDArray keepMask = manager.create(keep, new Shape(batch.size(), 1, latentHeight, latentWidth));
		return new Scene(latents, keepMask, keepMask.neg().add(1), keptLatents, compositions);
	}

	/**
	 * What an inpainting UNet takes besides the latents, as diffusers' inpainting
	 * pipeline stacks it: the mask of what to generate (1) and the latents of the pixels
	 * to keep. Without a product, everything is generated and nothing kept.
	 */
	NDArray inpaintingInput(NDManager manager, Scene scene, int size, int latentHeight, int latentWidth) {
		if (scene != null) {
			return scene.generate().concat(scene.keptLatents(), 1);
		}
		int factor = this.pipeline.config().vaeScaleFactor();
		NDArray nothing = this.pipeline.encodeImage(manager,
				manager.zeros(new Shape(size, 3, (long) latentHeight * factor, (long) latentWidth * factor)));
		return manager.ones(new Shape(size, 1, latentHeight, latentWidth)).concat(nothing, 1);
	}

	/**
	 * Where a batch starts from when it keeps the products.
	 *
	 * @param latents the composed scenes, encoded
	 * @param keep 1 on latent cells of product, else 0 ([B, 1, h, w])
	 * @param generate 1 - keep
	 * @param keptLatents for an inpainting UNet, the product's pixels alone, encoded;
	 * else null
	 * @param compositions the scenes and product masks in pixels, for the final paste
	 */
	record Scene(NDArray latents, NDArray keep, NDArray generate, NDArray keptLatents,
			List<SceneComposer.Composition> compositions) {
	}

}
