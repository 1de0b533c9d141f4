package com.prompt2pixel.generate;

import java.util.List;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.task.TaskStateUpdates;
import com.prompt2pixel.templates.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Renders a chunk of tasks as one generator batch, then, with the GPU lane free again,
 * encodes the pixels ({@link ImageEncoding}), stores each image under a key derived from
 * its task (so a redone chunk overwrites rather than duplicates) and marks the tasks
 * GENERATED. Tasks whose photo could not be used become FAILED with the reason, and so
 * does a task the generator refuses as unrenderable (an {@link IllegalArgumentException}
 * for its request): the batch is then rendered request by request, so that one bad input
 * costs its own task, never its chunk (which a resume would only fail again). The
 * generator is taken in turn through {@link GpuLanes}: an on-demand run's chunk goes
 * ahead of batch chunks.
 */
class GenerateImagesWriter implements ItemWriter<GenerationInput> {

	private static final Logger log = LoggerFactory.getLogger(GenerateImagesWriter.class);

	private final ImageGenerator generator;

	private final ImageStore store;

	private final ImageEncoding encoding;

	private final TaskStateUpdates updates;

	private final String merchantId;

	private final GpuLanes lanes;

	private final boolean onDemand;

	GenerateImagesWriter(ImageGenerator generator, ImageStore store, ImageEncoding encoding, TaskStateUpdates updates,
			String merchantId, GpuLanes lanes, boolean onDemand) {
		this.encoding = encoding;
		this.lanes = lanes;
		this.onDemand = onDemand;
		this.generator = generator;
		this.store = store;
		this.updates = updates;
		this.merchantId = merchantId;
	}

	@Override
	public void write(Chunk<? extends GenerationInput> chunk) {
		List<GenerationInput> ready = chunk.getItems()
			.stream()
			.filter((input) -> input.failure() == null)
			.map(GenerationInput.class::cast)
			.toList();
		chunk.getItems()
			.stream()
			.filter((input) -> input.failure() != null)
			.forEach((input) -> this.updates.failed(input.task().id(), input.failure()));
		if (ready.isEmpty()) {
			return;
		}
		if (log.isDebugEnabled()) {
			// one line per generator batch, as it starts: a chunk cut off by a crash and
			// rendered again after it shows up twice
			log.debug("rendering tasks {}", ready.stream().map((input) -> input.task().id()).toList());
		}
		List<GeneratedImage> images;
		try {
			images = render(ready);
		}
		catch (IllegalArgumentException ex) {
			renderOneByOne(ready);
			return;
		}
		store(ready, images);
	}

	private List<GeneratedImage> render(List<GenerationInput> inputs) {
		List<GeneratedImage> images = this.lanes.render(this.onDemand,
				() -> this.generator.generate(inputs.stream().map(GenerationInput::request).toList()));
		if (images.size() != inputs.size()) {
			throw new IllegalStateException("generator " + this.generator.backend() + " returned " + images.size()
					+ " images for " + inputs.size() + " requests");
		}
		return images;
	}

	private void renderOneByOne(List<GenerationInput> inputs) {
		for (GenerationInput input : inputs) {
			try {
				store(List.of(input), render(List.of(input)));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Task {} cannot be rendered: {}", input.task().id(), ex.getMessage());
				this.updates.failed(input.task().id(), "cannot be rendered: " + ex.getMessage());
			}
		}
	}

	/**
	 * Encodes the images (the lane is free again by now) and records each with its task.
	 */
	private void store(List<GenerationInput> inputs, List<GeneratedImage> images) {
		List<byte[]> files = this.encoding.encode(images);
		for (int i = 0; i < inputs.size(); i++) {
			GeneratedImage image = images.get(i);
			long taskId = inputs.get(i).task().id();
			String stem = this.merchantId + "/runs/" + inputs.get(i).task().runId() + "/tasks/" + taskId;
			String key = stem + "." + ImageEncoding.EXTENSION;
			this.store.put(key, files.get(i));
			String maskKey = null;
			if (image.productMask() != null) {
				maskKey = stem + "-mask." + ImageEncoding.EXTENSION;
				this.store.put(maskKey,
						this.encoding.encodeMask(image.productMask(), image.pixels().width(), image.pixels().height()));
			}
			this.updates.generated(taskId,
					new TaskStateUpdates.StoredImage(image.backend(), image.model(), image.generative(), key,
							Sha256.hex(files.get(i)), maskKey, image.renderMillis(), image.matteMethod(),
							image.matteConfidence()));
		}
	}

}
