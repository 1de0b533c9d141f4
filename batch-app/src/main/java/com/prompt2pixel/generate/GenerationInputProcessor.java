package com.prompt2pixel.generate;

import java.util.LinkedHashMap;
import java.util.Map;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.system.ProductPhotos;
import com.prompt2pixel.task.RenderParams;
import com.prompt2pixel.task.RenderTask;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the generator request for a task: its parameters and its product's photo, the
 * bytes {@code checkPhotosStep} stored under the checksum the task's cache key holds (the
 * photo is not fetched again). Consecutive tasks share products (every scene and variant
 * of one product), so recent photos are cached.
 */
class GenerationInputProcessor implements ItemProcessor<RenderTask, GenerationInput> {

	private static final int CACHED_PHOTOS = 16;

	private final JdbcTemplate jdbc;

	/**
	 * Reads a task's params, written by this application, perhaps by an older version: a
	 * field it no longer knows is no reason to fail (the API's mapper refuses unknown
	 * fields). Made once: this runs for every task.
	 */
	private final ObjectReader params;

	private final ProductPhotos photos;

	private final String merchantId;

	private final Map<Long, byte[]> recent = new LinkedHashMap<>(CACHED_PHOTOS, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
			return size() > CACHED_PHOTOS;
		}

	};

	GenerationInputProcessor(JdbcTemplate jdbc, JsonMapper json, ProductPhotos photos, String merchantId) {
		this.jdbc = jdbc;
		this.params = json.readerFor(RenderParams.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.photos = photos;
		this.merchantId = merchantId;
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
		RenderParams params = this.params.readValue(task.params());
		ImageRequest request = new ImageRequest(task.prompt(), task.negativePrompt(), task.seed(), params.width(),
				params.height(), photo, SceneStyle.of(params.palette(), params.productScale()),
				new Sampling(params.steps(), params.guidance(), params.scheduler(), params.model(),
						params.img2imgStrength()));
		return GenerationInput.ready(task, request);
	}

	private byte[] photo(long productId) {
		byte[] cached = this.recent.get(productId);
		if (cached != null) {
			return cached;
		}
		String[] checked = this.jdbc.queryForObject("SELECT image_sha256, image_url FROM product WHERE id = ?",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2) }, productId);
		if (checked[0] == null) {
			throw new ProductImageException("the product's photo was not checked at import");
		}
		byte[] photo = this.photos.stored(this.merchantId, checked[0], checked[1]);
		this.recent.put(productId, photo);
		return photo;
	}

}
