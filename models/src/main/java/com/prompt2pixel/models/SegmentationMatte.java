package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;

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

	private final ZooModel<NDList, NDList> model;

	private final Device device;

	private final ModelDirectory files;

	private final int size;

	private SegmentationMatte(ZooModel<NDList, NDList> model, Device device, ModelDirectory files) {
		this.model = model;
		this.device = device;
		this.files = files;
		this.size = files.size();
	}

	/**
	 * Loads the matte directory and runs the model once on a blank input, so that a wrong
	 * model fails here with its name, not on the first photo.
	 * @param deviceName {@code cpu}, {@code cuda} or {@code cuda:N}
	 * @throws IllegalArgumentException naming what is wrong with the directory or model
	 */
	static SegmentationMatte load(Path directory, String deviceName) {
		ModelDirectory files = ModelDirectory.read(directory, "matte.json", FORMAT, "models/export/export_matte.py");
		int size = files.size();
		Device device = Devices.named(deviceName);
		ZooModel<NDList, NDList> model = TorchScript.load(files.weights(), device);
		SegmentationMatte matte = new SegmentationMatte(model, device, files);
		try {
			matte.probability(new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB));
		}
		catch (RuntimeException ex) {
			matte.close();
			throw new IllegalArgumentException("the model in " + files.weights() + " does not take [1, 3, " + size
					+ ", " + size + "] to [1, 1, " + size + ", " + size + "]: " + TorchScript.firstLine(ex), ex);
		}
		return matte;
	}

	@Override
	public String method() {
		return "model";
	}

	/** The model's name from matte.json, with the method. */
	@Override
	public String key() {
		return "model:" + this.files.name();
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
		float[] input = this.files.input(photo);
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
