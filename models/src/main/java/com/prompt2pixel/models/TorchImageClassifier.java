package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import com.prompt2pixel.models.checks.ImageClassifier;
import tools.jackson.databind.JsonNode;

/**
 * An image classifier exported by {@code models/export/export_nsfw_classifier.py} (a ViT
 * such as Falconsai/nsfw_image_detection) run through DJL on the CPU or a GPU, as the
 * segmentation matte is: the image resized to the model's square input and normalised as
 * {@code classifier.json} says, the logits of its labels back, their softmax summed over
 * the labels the file names unsafe.
 */
public final class TorchImageClassifier implements ImageClassifier {

	static final String FORMAT = "prompt2pixel-classifier/1";

	private final ZooModel<NDList, NDList> model;

	private final Device device;

	private final ModelDirectory files;

	/** Per label, whether it is unsafe. */
	private final boolean[] unsafeLabels;

	private TorchImageClassifier(ZooModel<NDList, NDList> model, Device device, ModelDirectory files,
			boolean[] unsafeLabels) {
		this.model = model;
		this.device = device;
		this.files = files;
		this.unsafeLabels = unsafeLabels;
	}

	/**
	 * Loads the classifier directory and runs the model once on a blank input, so that a
	 * wrong model fails here with its name, not on the first image.
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws IllegalArgumentException naming what is wrong with the directory or model
	 */
	public static TorchImageClassifier load(Path directory, String deviceName) {
		ModelDirectory files = ModelDirectory.read(directory, "classifier.json", FORMAT,
				"models/export/export_nsfw_classifier.py");
		List<String> labels = strings(files.root().path("labels"));
		List<String> unsafe = strings(files.root().path("unsafe"));
		if (labels.size() < 2 || unsafe.isEmpty() || !labels.containsAll(unsafe)) {
			throw new IllegalArgumentException(files.file() + ": labels must name two or more classes and unsafe "
					+ "one or more of them, was labels " + labels + ", unsafe " + unsafe);
		}
		boolean[] unsafeLabels = new boolean[labels.size()];
		for (int i = 0; i < unsafeLabels.length; i++) {
			unsafeLabels[i] = unsafe.contains(labels.get(i));
		}
		Device device = Devices.named(deviceName);
		TorchImageClassifier classifier = new TorchImageClassifier(TorchScript.load(files.weights(), device), device,
				files, unsafeLabels);
		try {
			classifier.unsafe(new BufferedImage(files.size(), files.size(), BufferedImage.TYPE_INT_RGB));
		}
		catch (RuntimeException ex) {
			classifier.close();
			throw new IllegalArgumentException(
					"the model in " + files.weights() + " does not take [1, 3, " + files.size() + ", " + files.size()
							+ "] to [1, " + labels.size() + "] logits: " + TorchScript.firstLine(ex),
					ex);
		}
		return classifier;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

	@Override
	public String name() {
		return this.files.name();
	}

	@Override
	public double unsafe(BufferedImage image) {
		int size = this.files.size();
		try (NDManager manager = NDManager.newBaseManager(this.device)) {
			NDArray input = manager.create(this.files.input(image), new Shape(1, 3, size, size));
			NDList output = this.model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false);
			NDArray logits = output.get(0);
			Shape expected = new Shape(1, this.unsafeLabels.length);
			if (!logits.getShape().equals(expected)) {
				throw new IllegalStateException("the model gives " + logits.getShape() + ", not " + expected);
			}
			float[] probabilities = logits.softmax(1).toFloatArray();
			double unsafe = 0;
			for (int i = 0; i < probabilities.length; i++) {
				unsafe += this.unsafeLabels[i] ? probabilities[i] : 0;
			}
			return Math.max(0, Math.min(1, unsafe));
		}
	}

	@Override
	public void close() {
		this.model.close();
	}

}
