package com.prompt2pixel.moderate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic moderation: the thresholds of each check (`models/checks`).
 *
 * @param minLuminanceStdDev images whose luminance varies less than this (0-255) are held
 * as near-uniform
 * @param fidelity the product in the image against the product in its photo
 * @param cutout the product's cut-out
 * @param quality sharpness and exposure
 * @param safety the classifier of unsafe content
 */
@ConfigurationProperties("p2p.moderate")
record ModerationProperties(@DefaultValue("4.0") double minLuminanceStdDev, @DefaultValue Fidelity fidelity,
		@DefaultValue Cutout cutout, @DefaultValue Quality quality, @DefaultValue Safety safety,
		@DefaultValue NearDuplicate nearDuplicate) {

	/**
	 * @param maxHashDistance the most perceptual-hash bits (of 64) two near copies differ
	 * by; up to 3, every published near copy is found through the hash's index
	 * @param maxColourDistance the largest difference of one grid cell's mean colour
	 * (0-255) two near copies have
	 */
	record NearDuplicate(@DefaultValue("3") int maxHashDistance, @DefaultValue("24") int maxColourDistance) {
	}

	/**
	 * @param minCoverage the least agreement (IoU) of the product's shape with the
	 * photo's
	 * @param maxAspectChange the most the product's width to height may move, as a share
	 * @param maxColourDifference the most the product's colours may move, mean absolute
	 * difference a channel of 255
	 */
	record Fidelity(@DefaultValue("0.9") double minCoverage, @DefaultValue("0.08") double maxAspectChange,
			@DefaultValue("16") double maxColourDifference) {
	}

	/**
	 * @param minConfidence the least confidence of the matte that cut the product out
	 * @param minShare the least share of the image the product may cover
	 * @param maxShare the largest
	 * @param maxHaloShare the largest share of the product's rim that may be a halo
	 */
	record Cutout(@DefaultValue("0.2") double minConfidence, @DefaultValue("0.005") double minShare,
			@DefaultValue("0.85") double maxShare, @DefaultValue("0.3") double maxHaloShare) {
	}

	/**
	 * @param minSharpness the least variance of the Laplacian over the product (luma,
	 * 0-255, the image at most 512 pixels a side)
	 * @param maxClippedShare the largest share of the product clipped to black or white
	 */
	record Quality(@DefaultValue("8") double minSharpness, @DefaultValue("0.3") double maxClippedShare) {
	}

	/**
	 * @param modelDir a classifier directory
	 * ({@code models/export/export_nsfw_classifier.py}); unset: no classifier, and the
	 * safety check is recorded as not run
	 * @param device where it runs: {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @param maxUnsafe the highest probability of unsafe content an image may have
	 */
	record Safety(Path modelDir, @DefaultValue("cpu") String device, @DefaultValue("0.5") double maxUnsafe) {
	}

}
