package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model exported for an image task (the segmentation matte, the safety classifier): a
 * directory with a JSON file naming its format, its square input size, the mean and
 * standard deviation a channel it was trained with, and its TorchScript file, which must
 * lie in the directory. What both read, checked the same way, and how both feed an image
 * to their model.
 *
 * @param file the JSON file
 * @param root its contents
 * @param name the model's name
 * @param size the square input's side
 * @param mean a channel, on the 0 to 1 scale
 * @param std a channel
 * @param weights the TorchScript file
 */
record ModelDirectory(Path file, JsonNode root, String name, int size, float[] mean, float[] std, Path weights) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param jsonName the JSON file's name, e.g. {@code matte.json}
	 * @param format the format it must name, e.g. {@code prompt2pixel-matte/1}
	 * @param exporter the script that writes such a directory, for the message
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static ModelDirectory read(Path directory, String jsonName, String format, String exporter) {
		Path file = directory.resolve(jsonName);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(
					"model directory " + directory + " has no " + jsonName + " (" + exporter + " writes one)");
		}
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file));
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (!format.equals(root.path("format").asString())) {
			throw new IllegalArgumentException(
					file + " is not a " + format + " file (format '" + root.path("format").asString() + "')");
		}
		int size = root.path("input_size").asInt(0);
		if (size < 8 || size > 4096) {
			throw new IllegalArgumentException(file + ": input_size must be 8 to 4096, was " + root.path("input_size"));
		}
		float[] mean = triple(root, "mean", file);
		float[] std = triple(root, "std", file);
		Path weights = directory.resolve(root.path("model").asString("model.pt")).normalize();
		if (!weights.startsWith(directory.normalize()) || !weights.getFileName().toString().endsWith(".pt")
				|| !Files.isRegularFile(weights)) {
			throw new IllegalArgumentException(file + ": model must name a TorchScript .pt file in " + directory);
		}
		return new ModelDirectory(file, root, root.path("name").asString("model"), size, mean, std, weights);
	}

	private static float[] triple(JsonNode root, String field, Path file) {
		JsonNode values = root.path(field);
		if (!values.isArray() || values.size() != 3) {
			throw new IllegalArgumentException(file + ": " + field + " must be three numbers, one a channel");
		}
		float[] triple = new float[3];
		for (int c = 0; c < 3; c++) {
			triple[c] = (float) values.get(c).asDouble();
			if (field.equals("std") && triple[c] <= 0) {
				throw new IllegalArgumentException(file + ": std must be positive");
			}
		}
		return triple;
	}

	/**
	 * The image resized to the model's square input (bilinear; a transparent image's
	 * clear pixels white, as a studio backdrop) and normalised, channels first:
	 * {@code [3, size, size]} row by row.
	 */
	float[] input(BufferedImage image) {
		BufferedImage resized = new BufferedImage(this.size, this.size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = resized.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, this.size, this.size);
			g.drawImage(image, 0, 0, this.size, this.size, null);
		}
		finally {
			g.dispose();
		}
		int plane = this.size * this.size;
		int[] rgb = resized.getRGB(0, 0, this.size, this.size, null, 0, this.size);
		float[] input = new float[3 * plane];
		for (int p = 0; p < plane; p++) {
			for (int c = 0; c < 3; c++) {
				float value = ((rgb[p] >> (16 - 8 * c)) & 0xFF) / 255f;
				input[c * plane + p] = (value - this.mean[c]) / this.std[c];
			}
		}
		return input;
	}

}
