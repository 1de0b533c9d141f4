/**
 * Stable Diffusion on DJL's PyTorch engine: a pipeline directory of TorchScript parts,
 * the schedulers in Java on NDArrays, classifier-free guidance in one doubled batch,
 * seeded latents.
 */
package com.prompt2pixel.models.diffusion;
