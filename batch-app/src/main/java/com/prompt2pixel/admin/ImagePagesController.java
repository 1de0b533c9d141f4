package com.prompt2pixel.admin;

import java.util.concurrent.TimeUnit;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.system.ProductPhotos;
import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * One image for staff: its page (the large view with its prompt, seed, backend and
 * checks), the PNG and its thumbnail; and a product's photo, small. An image never
 * changes once made, so both files are served with its checksum as {@code ETag} and may
 * be kept (privately: it is a merchant's).
 */
@Controller
class ImagePagesController {

	private static final CacheControl KEEP = CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable();

	private final TaskImages images;

	private final ImageStore store;

	private final Thumbnails thumbnails;

	private final JsonMapper json;

	private final ProductSearch products;

	private final ProductPhotos photos;

	ImagePagesController(TaskImages images, ImageStore store, Thumbnails thumbnails, JsonMapper json,
			ProductSearch products, ProductPhotos photos) {
		this.products = products;
		this.photos = photos;
		this.images = images;
		this.store = store;
		this.thumbnails = thumbnails;
		this.json = json;
	}

	@GetMapping("/images/{id}")
	String page(@PathVariable long id, Model model) {
		TaskImage image = image(id);
		model.addAttribute("image", image);
		model.addAttribute("checks", (image.checks() == null) ? null
				: this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.json.readTree(image.checks())));
		return "admin/image";
	}

	@GetMapping("/images/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable long id,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		TaskImage image = image(id);
		return cached("\"" + image.sha256() + "\"", ifNoneMatch, MediaType.IMAGE_PNG,
				() -> this.store.get(image.imageKey()));
	}

	@GetMapping("/images/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		TaskImage image = image(id);
		return cached("\"" + image.sha256() + "-" + Thumbnails.SIZE + "\"", ifNoneMatch, MediaType.IMAGE_JPEG,
				() -> this.thumbnails.of(image));
	}

	/**
	 * A product's photo, small, as the import checked and kept it: for every member of
	 * staff (the review page shows it beside each held image, the studio and catalogs
	 * beside each product).
	 */
	@GetMapping("/products/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		ProductSearch.Product product = this.products.find(id)
			.filter((found) -> found.photoSha256() != null)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no checked photo of product " + id));
		return cached("\"" + product.photoSha256() + "-" + Thumbnails.SIZE + "\"", ifNoneMatch, MediaType.IMAGE_JPEG,
				() -> this.thumbnails.of(product.photoSha256(),
						() -> this.photos.stored(product.merchant(), product.photoSha256(), product.photoUrl())));
	}

	private static ResponseEntity<byte[]> cached(String etag, String ifNoneMatch, MediaType type,
			java.util.function.Supplier<byte[]> body) {
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(KEEP).build();
		}
		return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(KEEP).body(body.get());
	}

	private TaskImage image(long id) {
		return this.images.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image with id " + id));
	}

}
