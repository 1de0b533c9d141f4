package com.prompt2pixel.models.diffusion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

/**
 * Whether a pipeline's weights fit the device before any of them is loaded: an SD
 * 1.5-class UNet in float32 is 3.4 GB, and libtorch running out of memory halfway through
 * a load says so far less clearly than this does. The weights are the TorchScript files'
 * sizes; what a batch needs on top of them depends on its size, so only a fixed share is
 * asked for here and a batch too large still fails later, with libtorch's own message.
 */
final class DeviceMemory {

	/** Working memory asked for on top of the weights: a single image's activations. */
	static final double HEADROOM = 0.2;

	private DeviceMemory() {
	}

	/**
	 * @throws PipelineException when the pipeline's parts, with headroom, are larger than
	 * what the device has free
	 */
	static void check(PipelineConfig config, String deviceName, long available) {
		long weights = weights(config);
		long needed = (long) (weights * (1 + HEADROOM));
		if (needed > available) {
			throw new PipelineException(String.format(Locale.ROOT,
					"pipeline %s is too large for %s: its weights take %s and it needs about %s with working memory, "
							+ "but %s has %s free; use a smaller or float16 export, or another device",
					config.directory(), deviceName, size(weights), size(needed), deviceName, size(available)));
		}
	}

	/**
	 * What the device has free now: the GPU's free memory as CUDA reports it, or for the
	 * CPU the machine's (or container's) memory less what this JVM may take for its heap,
	 * since libtorch's tensors live outside the heap. Empty when it cannot be told (DJL
	 * finds no CUDA runtime library to ask): then the load itself is the check.
	 */
	static OptionalLong available(Device device) {
		if (device.isGpu()) {
			try {
				MemoryUsage usage = CudaUtils.getGpuMemory(device);
				return OptionalLong.of(usage.getMax() - usage.getUsed());
			}
			catch (RuntimeException | LinkageError ex) {
				return OptionalLong.empty();
			}
		}
		com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		return OptionalLong.of(system.getTotalMemorySize() - Runtime.getRuntime().maxMemory());
	}

	static long weights(PipelineConfig config) {
		return Stream.of(config.textEncoder(), config.unet(), config.vaeDecoder(), config.vaeEncoder())
			.filter(Objects::nonNull)
			.mapToLong(DeviceMemory::sizeOf)
			.sum();
	}

	private static long sizeOf(Path part) {
		try {
			return Files.size(part);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String size(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
		}
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
	}

}
