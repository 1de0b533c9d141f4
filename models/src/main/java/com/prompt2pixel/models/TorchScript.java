package com.prompt2pixel.models;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

/**
 * A TorchScript file loaded through DJL's PyTorch engine, tensors in and out: how the
 * diffusion pipeline's parts and the segmentation matte are loaded.
 */
public final class TorchScript {

	private TorchScript() {
	}

	/**
	 * @param file a {@code .pt} file
	 * @throws IllegalArgumentException naming the file, with the engine's first line,
	 * when it is no TorchScript file or does not load
	 */
	public static ZooModel<NDList, NDList> load(Path file, Device device) {
		String name = file.getFileName().toString();
		if (!name.endsWith(".pt")) {
			throw new IllegalArgumentException(file + " is not a TorchScript .pt file");
		}
		Devices.offline();
		try {
			return Criteria.builder()
				.setTypes(NDList.class, NDList.class)
				.optModelPath(file.getParent())
				.optModelName(name.substring(0, name.length() - 3))
				.optEngine("PyTorch")
				.optDevice(device)
				.optTranslator(new NoopTranslator())
				.build()
				.loadModel();
		}
		catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException ex) {
			throw new IllegalArgumentException("cannot load " + file + " as TorchScript: " + firstLine(ex), ex);
		}
	}

	/** The first line of an exception's message: an engine's can run to a whole trace. */
	public static String firstLine(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
