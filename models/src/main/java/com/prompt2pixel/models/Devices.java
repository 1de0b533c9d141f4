package com.prompt2pixel.models;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The device a DJL model runs on, by the name an operator gives: {@code cpu},
 * {@code cuda} or {@code cuda:N} (also {@code gpu}, {@code gpuN}). The diffusion pipeline
 * and the segmentation matte take the same names.
 */
public final class Devices {

	private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d+))?|gpu(\\d+)?");

	private Devices() {
	}

	/**
	 * @throws IllegalArgumentException for a name that is none of those, or a GPU that
	 * PyTorch does not see
	 */
	public static Device named(String name) {
		String normalized = (name == null || name.isBlank()) ? "cpu" : name.strip().toLowerCase(Locale.ROOT);
		if (normalized.equals("cpu")) {
			return Device.cpu();
		}
		Matcher cuda = CUDA.matcher(normalized);
		if (!cuda.matches()) {
			throw new IllegalArgumentException("device '" + name + "' is not cpu, cuda or cuda:N");
		}
		String index = (cuda.group(1) != null) ? cuda.group(1) : cuda.group(2);
		int gpu = (index != null) ? Integer.parseInt(index) : 0;
		int available = Engine.getEngine("PyTorch").getGpuCount();
		if (gpu >= available) {
			throw new IllegalArgumentException("device " + name + " does not exist: PyTorch sees " + available
					+ " CUDA device(s) here" + ((available == 0) ? " (a CPU-only libtorch, or no GPU visible)" : ""));
		}
		return Device.gpu(gpu);
	}

	/** How messages name a device: {@code cuda:N} or {@code the CPU}. */
	public static String describe(Device device) {
		return device.isGpu() ? "cuda:" + device.getDeviceId() : "the CPU";
	}

	/** DJL's engine ships in the jar: it must never reach for the network. */
	public static void offline() {
		if (System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
	}

}
