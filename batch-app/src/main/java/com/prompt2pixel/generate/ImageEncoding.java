package com.prompt2pixel.generate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.Png;

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
