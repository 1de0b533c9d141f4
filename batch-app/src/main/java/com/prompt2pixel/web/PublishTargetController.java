package com.prompt2pixel.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.ImageFormat;
import com.prompt2pixel.publish.PublishTarget;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.publish.PublishTargets;
import com.prompt2pixel.security.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API key's merchant's publish targets, as {@code publish-target} sets them: its S3
 * bucket and its Shopify shop's product media. A folder target is a folder on the server,
 * which only an operator sets (CLI); a merchant cannot make the server write where it
 * chooses. An S3 endpoint must be on a public host (or one the operator admits): the
 * server must not be made to call itself or its network.
 */
@RestController
@RequestMapping("/api/v1/publish-targets")
class PublishTargetController {

	private final PublishTargets targets;

	PublishTargetController(PublishTargets targets) {
		this.targets = targets;
	}

	/**
	 * A target as the API sets it; what a kind does not use must be absent.
	 *
	 * @param location for s3, {@code s3://bucket/prefix}
	 * @param endpoint for s3, an S3-compatible store's URL
	 * @param publicBaseUrl for s3, the public or CDN URL the prefix is served under
	 * @param format png (default), jpeg or webp
	 * @param quality JPEG and WebP quality, above 0 to 1 (default 0.9)
	 * @param maxEdge the longest edge (default: the image's own)
	 * @param position for shopify, append (default) or primary
	 */
	record TargetRequest(String location, URI endpoint, @JsonProperty("public_base_url") URI publicBaseUrl,
			String format, Float quality, @JsonProperty("max_edge") Integer maxEdge, String position) {
	}

	@GetMapping
	List<Map<String, Object>> list(Tenant tenant) {
		return this.targets.list(tenant.merchant()).stream().map(PublishTargetController::json).toList();
	}

	@PutMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> set(Tenant tenant, @PathVariable String kind, @RequestBody TargetRequest request) {
		Kind chosen = kind(kind);
		ImageEncoder.Settings encoding = new ImageEncoder.Settings(
				ImageFormat.of((request.format() != null) ? request.format() : "png"),
				(request.quality() != null) ? request.quality() : 0.9f,
				(request.maxEdge() != null) ? request.maxEdge() : 0);
		PublishTarget target;
		if (chosen == Kind.S3) {
			if (request.position() != null) {
				throw new IllegalArgumentException("position is for a shopify target only");
			}
			if (request.location() == null) {
				throw new IllegalArgumentException("an s3 target needs a location, s3://bucket/prefix");
			}
			target = new PublishTarget(tenant.merchant(), Kind.S3, null, request.location(), request.endpoint(),
					request.publicBaseUrl(), encoding);
		}
		else {
			if (request.location() != null || request.endpoint() != null || request.publicBaseUrl() != null) {
				throw new IllegalArgumentException("location, endpoint and public_base_url are for an s3 target only");
			}
			target = new PublishTarget(tenant.merchant(), Kind.SHOPIFY, null, null, null, null, encoding,
					PublishTarget.Position.of((request.position() != null) ? request.position() : "append"));
		}
		return json(this.targets.set(target));
	}

	@DeleteMapping("/{kind}")
	ResponseEntity<Void> remove(Tenant tenant, @PathVariable String kind) {
		if (!this.targets.remove(tenant.merchant(), kind(kind))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + kind + " target");
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * @throws IllegalArgumentException for folder, which the API does not set, and for
	 * what is no kind
	 */
	private static Kind kind(String name) {
		Kind kind = Kind.of(name);
		if (kind == Kind.FOLDER) {
			throw new IllegalArgumentException(
					"a folder target is a folder on the server, which an operator sets (publish-target set --folder); "
							+ "the API sets s3 and shopify targets");
		}
		return kind;
	}

	/** The target without its merchant (the key's own) and never a server folder. */
	private static Map<String, Object> json(PublishTarget target) {
		Map<String, Object> json = target.toJson();
		json.remove("merchant");
		json.remove("folder");
		return json;
	}

}
