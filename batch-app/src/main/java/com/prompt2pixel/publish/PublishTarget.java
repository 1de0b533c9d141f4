package com.prompt2pixel.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.ImageFormat;

/**
 * One of a merchant's places to publish to, and how its images are encoded.
 *
 * @param merchantId the merchant
 * @param kind where: a folder, an S3 bucket, or the media of the products in the
 * merchant's connected Shopify shop
 * @param folder for {@link Kind#FOLDER}, the folder
 * @param location for {@link Kind#S3}, {@code s3://bucket/prefix}
 * @param endpoint for {@link Kind#S3}, an S3-compatible store's URL; null for the
 * configured one ({@code p2p.publish.s3.endpoint}, or AWS)
 * @param publicBaseUrl for {@link Kind#S3}, the public or CDN URL the prefix is served
 * under; null for presigned links
 * @param encoding the format, quality and longest edge
 * @param position for {@link Kind#SHOPIFY}, where among the product's media a run's
 * images go
 */
public record PublishTarget(String merchantId, Kind kind, Path folder, String location, URI endpoint, URI publicBaseUrl,
		ImageEncoder.Settings encoding, Position position) {

	public PublishTarget {
		if (position == null) {
			position = Position.APPEND;
		}
	}

	/** A target that places images nowhere in particular: a folder or a bucket. */
	public PublishTarget(String merchantId, Kind kind, Path folder, String location, URI endpoint, URI publicBaseUrl,
			ImageEncoder.Settings encoding) {
		this(merchantId, kind, folder, location, endpoint, publicBaseUrl, encoding, Position.APPEND);
	}

	/** Where a run's images go among a Shopify product's media. */
	public enum Position {

		/** After the product's media: its primary image stays. */
		APPEND,

		/**
		 * First, in the run's order: the run's first image becomes the primary image.
		 */
		PRIMARY;

		/**
		 * @throws IllegalArgumentException naming the positions there are
		 */
		public static Position of(String name) {
			String lower = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
			return switch (lower) {
				case "append" -> APPEND;
				case "primary" -> PRIMARY;
				default -> throw new IllegalArgumentException("position '" + name + "' is not one of append, primary");
			};
		}

	}

	/** Where a target publishes. */
	public enum Kind {

		FOLDER("TARGET_FOLDER"), S3("S3"),

		/** The merchant's connected shop: each image as a medium of its product. */
		SHOPIFY("SHOPIFY");

		private final String destination;

		Kind(String destination) {
			this.destination = destination;
		}

		/** The kind whose publications have this destination. */
		public static Kind ofDestination(String destination) {
			for (Kind kind : values()) {
				if (kind.destination.equals(destination)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("no publish target publishes to " + destination);
		}

		/** The publication's destination for this kind. */
		public String destination() {
			return this.destination;
		}

		/**
		 * The kind as the CLI names it ({@code folder}, {@code s3}).
		 * @throws IllegalArgumentException naming the kinds there are
		 */
		public static Kind of(String name) {
			String lower = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
			return switch (lower) {
				case "folder" -> FOLDER;
				case "s3" -> S3;
				case "shopify" -> SHOPIFY;
				default -> throw new IllegalArgumentException(
						"publish target '" + name + "' is not one of folder, s3, shopify");
			};
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The target as the CLI prints it; no credential is part of it. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("merchant", this.merchantId);
		json.put("target", this.kind.label());
		if (this.kind == Kind.FOLDER) {
			json.put("folder", this.folder.toString());
		}
		else if (this.kind == Kind.S3) {
			json.put("location", this.location);
			json.put("endpoint", (this.endpoint != null) ? this.endpoint.toString() : null);
			json.put("public_base_url", (this.publicBaseUrl != null) ? this.publicBaseUrl.toString() : null);
		}
		json.put("format", this.encoding.format().name().toLowerCase(Locale.ROOT));
		if (this.encoding.format() != ImageFormat.PNG) {
			json.put("quality", this.encoding.quality());
		}
		json.put("max_edge", this.encoding.maxEdge());
		if (this.kind == Kind.SHOPIFY) {
			json.put("position", this.position.name().toLowerCase(Locale.ROOT));
		}
		return json;
	}

}
