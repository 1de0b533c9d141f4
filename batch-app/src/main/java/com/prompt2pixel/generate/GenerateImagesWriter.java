package com.prompt2pixel.generate;

import java.util.List;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.task.TaskStateUpdates;
import com.prompt2pixel.templates.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Renders a chunk of tasks as one generator batch, stores each image under a key derived
 * from its task (so a redone chunk overwrites rather than duplicates) and marks the tasks
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

	private final TaskStateUpdates updates;

	private final String merchantId;

	private final GpuLanes lanes;

	private final boolean onDemand;

	GenerateImagesWriter(ImageGenerator generator, ImageStore store, TaskStateUpdates updates, String merchantId,
			GpuLanes lanes, boolean onDemand) {
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
			.forEach((input) -> this.updates.move(input.task().id(), TaskState.FAILED, input.failure()));
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
		for (int i = 0; i < ready.size(); i++) {
			store(ready.get(i), images.get(i));
		}
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
				store(input, render(List.of(input)).get(0));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Task {} cannot be rendered: {}", input.task().id(), ex.getMessage());
				this.updates.move(input.task().id(), TaskState.FAILED, "cannot be rendered: " + ex.getMessage());
			}
		}
	}

	private void store(GenerationInput input, GeneratedImage image) {
		long taskId = input.task().id();
		String key = this.merchantId + "/runs/" + input.task().runId() + "/tasks/" + taskId + ".png";
		this.store.put(key, image.png());
		this.updates.move(taskId, TaskState.GENERATED, null,
				"backend = ?, model = ?, generative = ?, image_key = ?, image_sha256 = ?, render_ms = ?",
				image.backend(), image.model(), image.generative(), key, Sha256.hex(image.png()), image.renderMillis());
	}

}
