package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pipeline directory's {@code pipeline.json}: where its parts are and the numbers that
 * tie them together. The format is written by {@code models/export/} and described in
 * {@code models/export/README.md}.
 *
 * @param directory the pipeline directory
 * @param name the model's name, recorded with every image
 * @param textEncoder TorchScript file: int64 ids [B, L] to hidden states [B, L, H]
 * @param unet TorchScript file: latents [B, C, h, w] (with mask and kept latents [B, 2C +
 * 1, h, w] for an inpainting UNet), timesteps [B], hidden states [B, L, H] to the model
 * output [B, C, h, w]
 * @param vaeDecoder TorchScript file: latents [B, C, h, w] to an image [B, 3, h*f, w*f]
 * in [-1, 1]
 * @param vaeEncoder TorchScript file for img2img, or null
 * @param tokenizer HuggingFace {@code tokenizer.json}
 * @param maxTextLength L, the token length prompts are padded or cut to
 * @param padTokenId the id prompts are padded with
 * @param textHiddenSize H
 * @param latentChannels C
 * @param unetInChannels the UNet's input channels: C, or 2C + 1 for an inpainting UNet,
 * which takes the latents, the mask of what to generate and the latents of the pixels to
 * keep, stacked
 * @param vaeScaleFactor f, pixels per latent
 * @param latentScale the VAE's scaling factor (0.18215 for SD 1.x and 2.x)
 * @param predictionType {@code epsilon} or {@code v_prediction}
 * @param schedule the training noise schedule
 * @param halfPrecision whether the parts are float16 (CUDA only) rather than float32
 */
public record PipelineConfig(Path directory, String name, Path textEncoder, Path unet, Path vaeDecoder, Path vaeEncoder,
		Path tokenizer, int maxTextLength, long padTokenId, int textHiddenSize, int latentChannels, int unetInChannels,
		int vaeScaleFactor, double latentScale, String predictionType, NoiseSchedule schedule, boolean halfPrecision) {

	public static final String FORMAT = "prompt2pixel-sd/1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads and checks {@code pipeline.json} and that every part it names exists.
	 * @throws PipelineException naming every problem found
	 */
	public static PipelineConfig read(Path directory) {
		Path file = directory.resolve("pipeline.json");
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file));
		}
		catch (NoSuchFileException ex) {
			throw new PipelineException(Files.isDirectory(directory)
					? "pipeline directory " + directory + " has no pipeline.json; export one with models/export/"
					: "pipeline directory " + directory + " does not exist");
		}
		catch (IOException | JacksonException ex) {
			throw new PipelineException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		List<String> problems = new ArrayList<>();
		Fields fields = new Fields(root, directory, problems);
		String format = fields.text("format");
		if (!format.isEmpty() && !FORMAT.equals(format)) {
			problems.add("'format' is '" + format + "', this version reads '" + FORMAT + "'");
		}
		String prediction = fields.text("prediction_type");
		if (!prediction.isEmpty() && !prediction.equals("epsilon") && !prediction.equals("v_prediction")) {
			problems.add("'prediction_type' must be epsilon or v_prediction, was '" + prediction + "'");
		}
		String dtype = root.path("dtype").asString("float32");
		if (!dtype.equals("float32") && !dtype.equals("float16")) {
			problems.add("'dtype' must be float32 or float16, was '" + dtype + "'");
		}
		String betaSchedule = root.path("beta_schedule").asString("scaled_linear");
		if (!betaSchedule.equals("scaled_linear") && !betaSchedule.equals("linear")) {
			problems.add("'beta_schedule' must be scaled_linear or linear, was '" + betaSchedule + "'");
		}
		String name = fields.text("name");
		Path textEncoder = fields.part("text_encoder");
		Path unet = fields.part("unet");
		Path vaeDecoder = fields.part("vae_decoder");
		Path vaeEncoder = fields.optionalPart("vae_encoder");
		Path tokenizer = fields.part("tokenizer");
		int maxTextLength = fields.positive("max_text_length");
		int textHiddenSize = fields.positive("text_hidden_size");
		int latentChannels = fields.positive("latent_channels");
		int unetInChannels = root.path("unet_in_channels").asInt(latentChannels);
		if (latentChannels > 0 && unetInChannels != latentChannels && unetInChannels != 2 * latentChannels + 1) {
			problems.add("'unet_in_channels' is " + unetInChannels + ": a UNet takes the latent channels ("
					+ latentChannels + "), or " + (2 * latentChannels + 1) + " if it is an inpainting UNet");
		}
		else if (latentChannels > 0 && unetInChannels != latentChannels && vaeEncoder == null) {
			problems.add("an inpainting UNet ('unet_in_channels' " + unetInChannels
					+ ") needs a 'vae_encoder' for the pixels it keeps");
		}
		PipelineConfig config = new PipelineConfig(directory, name, textEncoder, unet, vaeDecoder, vaeEncoder,
				tokenizer, maxTextLength, root.path("pad_token_id").asLong(0), textHiddenSize, latentChannels,
				unetInChannels, fields.positive("vae_scale_factor"), fields.number("latent_scale"), prediction,
				new NoiseSchedule(root.path("num_train_timesteps").asInt(1000),
						root.path("beta_start").asDouble(0.00085), root.path("beta_end").asDouble(0.012),
						betaSchedule.equals("scaled_linear")),
				dtype.equals("float16"));
		if (!problems.isEmpty()) {
			throw new PipelineException("pipeline " + file + " cannot be used: " + String.join("; ", problems));
		}
		return config;
	}

	/**
	 * Whether the UNet is an inpainting one (such as
	 * runwayml/stable-diffusion-inpainting): besides the latents it takes the mask of
	 * what to generate and the latents of the pixels to keep.
	 */
	public boolean inpaintingUnet() {
		return this.unetInChannels != this.latentChannels;
	}

	/** Reads fields, collecting every problem instead of stopping at the first. */
	private record Fields(JsonNode root, Path directory, List<String> problems) {

		String text(String field) {
			String value = this.root.path(field).asString("").strip();
			if (value.isEmpty()) {
				this.problems.add("'" + field + "' is missing");
			}
			return value;
		}

		int positive(String field) {
			int value = this.root.path(field).asInt(0);
			if (value <= 0) {
				this.problems.add("'" + field + "' must be a positive whole number");
			}
			return value;
		}

		double number(String field) {
			double value = this.root.path(field).asDouble(0);
			if (!(value > 0)) {
				this.problems.add("'" + field + "' must be a positive number");
			}
			return value;
		}

		Path part(String field) {
			String name = text(field);
			if (name.isEmpty()) {
				return null;
			}
			Path path = this.directory.resolve(name).normalize();
			if (!path.startsWith(this.directory.normalize())) {
				this.problems.add("'" + field + "' points outside the pipeline directory");
				return null;
			}
			if (!Files.isRegularFile(path)) {
				this.problems.add("'" + field + "' names " + name + ", which is not in " + this.directory);
			}
			return path;
		}

		Path optionalPart(String field) {
			return this.root.path(field).isString() ? part(field) : null;
		}

	}

}
