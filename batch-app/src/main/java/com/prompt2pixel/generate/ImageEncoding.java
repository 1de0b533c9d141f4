package com.prompt2pixel.generate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.RgbImage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one place generated pixels become files: after the generator has returned, so the
 * GPU lane is free for the next chunk (an on-demand one waits for the model, not for PNG
 * compression), one image per core at a time. PNG is the only format yet; the publishers
 * encode their own formats from the stored image.
 */
@Component
class ImageEncoding implements DisposableBean {

	/** The extension of the images this encodes, in their store keys. */
	static final String EXTENSION = "png";

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			(task) -> {
				Thread thread = new Thread(task, "image-encoding-" + this.threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});

	/**
	 * A product mask as an 8-bit grey PNG: white where the image is the product, black
	 * where it is the scene, grey on the soft edge.
	 */
	byte[] encodeMask(float[] mask, int width, int height) {
		byte[] rgb = new byte[width * height * 3];
		for (int p = 0; p < mask.length; p++) {
			byte level = (byte) Math.round(255 * Math.max(0f, Math.min(1f, mask[p])));
			rgb[3 * p] = level;
			rgb[3 * p + 1] = level;
			rgb[3 * p + 2] = level;
		}
		return Png.encode(new RgbImage(width, height, rgb));
	}

	/** The images encoded, in order. */
	List<byte[]> encode(List<GeneratedImage> images) {
		List<CompletableFuture<byte[]>> encoded = images.stream()
			.map((image) -> CompletableFuture.supplyAsync(() -> Png.encode(image.pixels()), this.executor))
			.toList();
		try {
			return encoded.stream().map(CompletableFuture::join).toList();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
