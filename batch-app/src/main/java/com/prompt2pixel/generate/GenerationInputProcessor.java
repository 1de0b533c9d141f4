package com.prompt2pixel.generate;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.task.RenderParams;
import com.prompt2pixel.task.RenderTask;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the generator request for a task: its parameters and its product's photo.
 * Consecutive tasks share products (every scene and variant of one product), so recent
 * photos are cached.
 */
class GenerationInputProcessor implements ItemProcessor<RenderTask, GenerationInput> {

	private static final int CACHED_PHOTOS = 16;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final ProductImageSource images;

	private final Map<Long, byte[]> photos = new LinkedHashMap<>(CACHED_PHOTOS, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
			return size() > CACHED_PHOTOS;
		}

	};

	GenerationInputProcessor(JdbcTemplate jdbc, JsonMapper json, ProductImageSource images) {
		this.jdbc = jdbc;
		this.json = json;
		this.images = images;
	}

	@Override
	public GenerationInput process(RenderTask task) {
		byte[] photo;
		try {
			photo = photo(task.productId());
		}
		catch (ProductImageException ex) {
			return GenerationInput.unusable(task, ex.getMessage());
		}
		RenderParams params = this.json.readValue(task.params(), RenderParams.class);
		ImageRequest request = new ImageRequest(task.prompt(), task.negativePrompt(), task.seed(), params.width(),
				params.height(), photo, SceneStyle.of(params.palette(), params.productScale()),
				new Sampling(params.steps(), params.guidance(), params.scheduler(), params.model(),
						params.img2imgStrength()));
		return GenerationInput.ready(task, request);
	}

	private byte[] photo(long productId) {
		byte[] cached = this.photos.get(productId);
		if (cached != null) {
			return cached;
		}
		String url = this.jdbc.queryForObject("SELECT image_url FROM product WHERE id = ?", String.class, productId);
		byte[] photo = this.images.load(URI.create(url));
		this.photos.put(productId, photo);
		return photo;
	}

}
