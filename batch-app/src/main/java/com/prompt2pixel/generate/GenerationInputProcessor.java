package com.prompt2pixel.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.Placement;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.models.Prop;
import com.prompt2pixel.models.Sampling;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.models.Surface;
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

	private final Map<Long, Product> recent = new LinkedHashMap<>(CACHED_PHOTOS, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Product> eldest) {
			return size() > CACHED_PHOTOS;
		}

	};

	private final ProductMatte matte;

	GenerationInputProcessor(JdbcTemplate jdbc, JsonMapper json, ProductPhotos photos, String merchantId,
			ProductMatte matte) {
		this.matte = matte;
		this.jdbc = jdbc;
		this.params = json.readerFor(RenderParams.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.photos = photos;
		this.merchantId = merchantId;
	}

	@Override
	public GenerationInput process(RenderTask task) {
		Product product;
		try {
			product = product(task.productId());
		}
		catch (ProductImageException ex) {
			return GenerationInput.unusable(task, ex.getMessage());
		}
		RenderParams params = this.params.readValue(task.params());
		SceneStyle style = style(params, product.words(), product.title(), task.prompt()).withSize(
				(product.sizeCm() != null) ? product.sizeCm() : 0,
				(params.scaleSizeCm() != null) ? params.scaleSizeCm() : 0);
		ImageRequest request = new ImageRequest(task.prompt(), task.negativePrompt(), task.seed(), params.width(),
				params.height(), product.photo(), style, new Sampling(params.steps(), params.guidance(),
						params.scheduler(), params.model(), params.img2imgStrength()),
				this.matte);
		return GenerationInput.ready(task, request);
	}

	/**
	 * The scene's look for one product: its placement from the template's hint or the
	 * product's words (title, type, category), its surface from the hint or the words of
	 * the prompt that describe the scene (the product's title left out: a walnut board's
	 * packshot names a seamless backdrop), seen from above for a flat lay.
	 */
	static SceneStyle style(RenderParams params, String productWords, String title, String prompt) {
		String sceneWords = (title == null || title.isBlank()) ? prompt
				: Pattern.compile(Pattern.quote(title), Pattern.CASE_INSENSITIVE).matcher(prompt).replaceAll(" ");
		return SceneStyle
			.of(params.palette(), params.productScale(), Placement.of(params.placement(), productWords),
					Surface.of(params.surface(), sceneWords), SceneStyle.View.of(params.view()))
			.withProps(Prop.of(params.props()));
	}

	private Product product(long productId) {
		Product cached = this.recent.get(productId);
		if (cached != null) {
			return cached;
		}
		ProductRow row = this.jdbc.queryForObject("""
				SELECT image_sha256, image_url, concat_ws(' ', title, product_type, category), title, size_cm
				FROM product WHERE id = ?""", (rs, n) -> new ProductRow(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4), (Double) rs.getObject(5)), productId);
		if (row.imageSha256() == null) {
			throw new ProductImageException("the product's photo was not checked at import");
		}
		Product product = new Product(this.photos.stored(this.merchantId, row.imageSha256(), row.imageUrl()),
				row.words(), row.title(), row.sizeCm());
		this.recent.put(productId, product);
		return product;
	}

	private record ProductRow(String imageSha256, String imageUrl, String words, String title, Double sizeCm) {
	}

	/**
	 * A product as its renders need it.
	 *
	 * @param photo the checked photo's bytes
	 * @param words its title, type and category, which say where it belongs in a scene
	 * @param title its title
	 * @param sizeCm its size as its catalog states it, or null
	 */
	private record Product(byte[] photo, String words, String title, Double sizeCm) {
	}

}
