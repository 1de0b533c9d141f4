package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A salient-object segmentation model (U²-Net, ISNet, BiRefNet, exported by
 * {@code models/export/export_matte.py}) run through DJL on the CPU or a GPU: the photo
 * resized to the model's square input and normalised as {@code matte.json} says, the
 * product's probability back, resized to the photo. Its confidence is how decisive that
 * map is: the share of pixels it puts below {@value #UNDECIDED_LOW} or above
 * {@value #UNDECIDED_HIGH}, mapped so that {@value #SURE} or more decided is 1 and
 * {@value #UNSURE} or less is 0 (a model that cannot find the product leaves a wide grey
 * band).
 */
final class SegmentationMatte implements ProductMatte, AutoCloseable {

	static final String FORMAT = "prompt2pixel-matte/1";

	private static final double UNDECIDED_LOW = 0.1;

	private static final double UNDECIDED_HIGH = 0.9;

	private static final double SURE = 0.98;

	private static final double UNSURE = 0.85;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ZooModel<NDList, NDList> model;

	private final Device device;

	private final String name;

	private final int size;

	private final float[] mean;

	private final float[] std;

	private SegmentationMatte(ZooModel<NDList, NDList> model, Device device, String name, int size, float[] mean,
			float[] std) {
		this.model = model;
		this.device = device;
		this.name = name;
		this.size = size;
		this.mean = mean;
		this.std = std;
	}

	/**
	 * Loads the matte directory and runs the model once on a blank input, so that a wrong
	 * model fails here with its name, not on the first photo.
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws IllegalArgumentException naming what is wrong with the directory or model
	 */
	static SegmentationMatte load(Path directory, String deviceName) {
		Path file = directory.resolve("matte.json");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(
					"model directory " + directory + " has no matte.json (models/export/export_matte.py writes one)");
		}
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file));
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (!FORMAT.equals(root.path("format").asString())) {
			throw new IllegalArgumentException(
					file + " is not a " + FORMAT + " file (format '" + root.path("format").asString() + "')");
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
		Device device = Devices.named(deviceName);
		ZooModel<NDList, NDList> model = TorchScript.load(weights, device);
		SegmentationMatte matte = new SegmentationMatte(model, device, root.path("name").asString("model"), size, mean,
				std);
		try {
			matte.probability(new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB));
		}
		catch (RuntimeException ex) {
			matte.close();
			throw new IllegalArgumentException("the model in " + weights + " does not take [1, 3, " + size + ", " + size
					+ "] to [1, 1, " + size + ", " + size + "]: " + TorchScript.firstLine(ex), ex);
		}
		return matte;
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

	@Override
	public String method() {
		return "model";
	}

	/** The model's name from matte.json, with the method. */
	@Override
	public String key() {
		return "model:" + this.name;
	}

	@Override
	public Matte matte(BufferedImage photo) {
		int width = photo.getWidth();
		int height = photo.getHeight();
		float[] probability = probability(photo);
		byte[] alpha = new byte[width * height];
		long decided = 0;
		double scaleX = (double) this.size / width;
		double scaleY = (double) this.size / height;
		for (int y = 0; y < height; y++) {
			double sy = Math.max(0, Math.min(this.size - 1, (y + 0.5) * scaleY - 0.5));
			int y0 = (int) sy;
			int y1 = Math.min(this.size - 1, y0 + 1);
			double fy = sy - y0;
			for (int x = 0; x < width; x++) {
				double sx = Math.max(0, Math.min(this.size - 1, (x + 0.5) * scaleX - 0.5));
				int x0 = (int) sx;
				int x1 = Math.min(this.size - 1, x0 + 1);
				double fx = sx - x0;
				double top = probability[y0 * this.size + x0] * (1 - fx) + probability[y0 * this.size + x1] * fx;
				double bottom = probability[y1 * this.size + x0] * (1 - fx) + probability[y1 * this.size + x1] * fx;
				double p = Math.max(0, Math.min(1, top * (1 - fy) + bottom * fy));
				alpha[y * width + x] = (byte) Math.round(255 * p);
				if (p < UNDECIDED_LOW || p > UNDECIDED_HIGH) {
					decided++;
				}
			}
		}
		double share = (double) decided / alpha.length;
		double confidence = Math.max(0, Math.min(1, (share - UNSURE) / (SURE - UNSURE)));
		return new Matte(width, height, alpha, confidence, method());
	}

	/** The model's product probability at its input size, row by row. */
	private float[] probability(BufferedImage photo) {
		BufferedImage resized = new BufferedImage(this.size, this.size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = resized.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			// a transparent photo's clear pixels are white, as a studio backdrop
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, this.size, this.size);
			g.drawImage(photo, 0, 0, this.size, this.size, null);
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
		try (NDManager manager = NDManager.newBaseManager(this.device)) {
			NDArray image = manager.create(input, new Shape(1, 3, this.size, this.size));
			NDList output = this.model.getBlock().forward(new ParameterStore(manager, false), new NDList(image), false);
			NDArray first = output.get(0);
			Shape expected = new Shape(1, 1, this.size, this.size);
			if (!first.getShape().equals(expected)) {
				throw new IllegalStateException("the model gives " + first.getShape() + ", not " + expected);
			}
			return first.toFloatArray();
		}
	}

	@Override
	public void close() {
		this.model.close();
	}

}
