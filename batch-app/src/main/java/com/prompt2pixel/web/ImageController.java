package com.prompt2pixel.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.moderate.ImageReports;
import com.prompt2pixel.moderate.ReviewConflictException;
import com.prompt2pixel.publish.PublishedLinks;
import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A run's images for the API key's merchant: the PNG, what made it, and the merchant's
 * report of one that should not be in its shop. An image never changes once made, so its
 * checksum is its {@code ETag} and clients may keep it for good (privately: it is the
 * merchant's).
 */
@RestController
@RequestMapping("/api/v1/images")
class ImageController {

	private final TaskImages images;

	private final ImageStore store;

	private final PublishedLinks published;

	private final JsonMapper json;

	private final ImageReports reports;

	ImageController(TaskImages images, ImageStore store, PublishedLinks published, JsonMapper json,
			ImageReports reports) {
		this.reports = reports;
		this.images = images;
		this.store = store;
		this.published = published;
		this.json = json;
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> image(Tenant tenant, @PathVariable long id,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		TaskImage image = owned(tenant, id);
		String etag = "\"" + image.sha256() + "\"";
		CacheControl caching = CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable();
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.eTag(etag)
			.cacheControl(caching)
			.body(this.store.get(image.imageKey()));
	}

	@GetMapping("/{id}/meta")
	Map<String, Object> meta(Tenant tenant, @PathVariable long id) {
		TaskImage image = owned(tenant, id);
		Map<String, Object> json = listed(image);
		json.put("template_set", image.templateSet());
		json.put("prompt", image.prompt());
		json.put("negative_prompt", image.negativePrompt());
		json.put("state_reason", image.stateReason());
		json.put("backend", image.backend());
		json.put("model", image.model());
		json.put("generative", image.generative());
		// how the product was cut out: a low confidence is a cut to look at
		Map<String, Object> matte = new LinkedHashMap<>();
		matte.put("method", image.matteMethod());
		matte.put("confidence", image.matteConfidence());
		json.put("matte", (image.matteMethod() == null) ? null : matte);
		// what each automatic check scored, and why it held the image if it did
		json.put("checks", (image.checks() == null) ? null : this.json.readTree(image.checks()));
		json.put("sha256", image.sha256());
		json.put("reused", image.reused());
		// where the image went beyond the run: S3 (a fresh presigned link), Shopify, a
		// folder
		json.put("published", this.published.of(image.id(), image.merchant()));
		return json;
	}

	/** Why the merchant reports an image. */
	record ReportRequest(String reason) {
	}

	/**
	 * Reports a published image: it is taken down from every destination, goes back to
	 * review and its charge is credited; again, nothing more is done.
	 */
	@PostMapping(path = "/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
	ImageReports.Report report(Tenant tenant, @PathVariable long id, @RequestBody ReportRequest request) {
		TaskImage image = owned(tenant, id);
		try {
			return this.reports.report(image.id(), image.merchant(), (request != null) ? request.reason() : null);
		}
		catch (ReviewConflictException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
	}

	/** An image as a run's list shows it. */
	static Map<String, Object> listed(TaskImage image) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", image.id());
		json.put("run", image.run());
		json.put("product", image.product());
		json.put("scene", image.scene());
		json.put("variant", image.variant());
		json.put("seed", image.seed());
		json.put("state", image.state());
		json.put("url", "/api/v1/images/" + image.id());
		json.put("meta", "/api/v1/images/" + image.id() + "/meta");
		return json;
	}

	private TaskImage owned(Tenant tenant, long id) {
		return this.images.find(id)
			.filter((image) -> tenant.owns(Optional.of(image.merchant())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image with id " + id));
	}

}
