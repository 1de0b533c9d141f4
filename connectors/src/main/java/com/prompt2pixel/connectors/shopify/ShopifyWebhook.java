package com.prompt2pixel.connectors.shopify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's product webhooks: the signature check; for {@code products/create} and
 * {@code products/update} the payload (a product in the REST Admin API's shape) turned
 * into snapshot lines, so that the one product is imported like any other; for
 * {@code products/delete} the product it names.
 */
public final class ShopifyWebhook {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String PRODUCT_GID = "gid://shopify/Product/";

	private ShopifyWebhook() {
	}

	/**
	 * Whether {@code signature} (the {@code X-Shopify-Hmac-SHA256} header: Base64 of the
	 * HMAC-SHA256 of the raw body under the app's client secret) matches; compared in
	 * constant time.
	 */
	public static boolean verify(byte[] body, String signature, String secret) {
		if (signature == null || signature.isBlank() || secret == null || secret.isEmpty()) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(sign(body, secret), given);
	}

	/** The HMAC-SHA256 of {@code body} under {@code secret}. */
	public static byte[] sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * The product GID a {@code products/delete} payload ({@code {"id":
	 * 788032119674292922}}) names.
	 * @throws IllegalArgumentException when the payload names no product
	 */
	public static String deletedProduct(byte[] payload) {
		JsonNode body;
		try {
			body = JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the webhook's body is not JSON: " + ex.getOriginalMessage(), ex);
		}
		long id = body.path("id").asLong(0);
		if (id <= 0) {
			throw new IllegalArgumentException("the webhook's body names no product: it has no numeric id");
		}
		return PRODUCT_GID + id;
	}

	/**
	 * A {@code products/create} or {@code products/update} payload.
	 *
	 * @param gid the product's GID
	 * @param status its status in lower case ({@code active}, {@code draft},
	 * {@code archived}); empty when the payload has none
	 * @param updatedAt when Shopify last changed it ({@code updated_at}); null when the
	 * payload does not say or says it unreadably
	 * @param snapshot the product as snapshot lines: the product, then its images in
	 * their position order
	 */
	public record ProductUpdate(String gid, String status, Instant updatedAt, String snapshot) {
	}

	/**
	 * Reads a {@code products/create} or {@code products/update} payload.
	 * @throws IllegalArgumentException when the payload is not a product
	 */
	public static ProductUpdate update(byte[] payload) {
		JsonNode product;
		try {
			product = JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the webhook's body is not JSON: " + ex.getOriginalMessage(), ex);
		}
		long id = product.path("id").asLong(0);
		if (!product.isObject() || id <= 0) {
			throw new IllegalArgumentException("the webhook's body is not a product: it has no numeric id");
		}
		String gid = product.path("admin_graphql_api_id").asString(PRODUCT_GID + id);
		return new ProductUpdate(gid, product.path("status").asString("").strip().toLowerCase(Locale.ROOT),
				instant(product.path("updated_at").asString("")), toSnapshot(product, gid));
	}

	/** The product of a webhook's payload as snapshot lines. */
	public static String toSnapshot(byte[] payload) {
		return update(payload).snapshot();
	}

	private static Instant instant(String text) {
		try {
			return text.isBlank() ? null : OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String toSnapshot(JsonNode product, String gid) {
		ObjectNode line = JSON.createObjectNode();
		line.put("id", gid);
		line.put("handle", product.path("handle").asString(""));
		line.put("title", product.path("title").asString(""));
		line.put("descriptionHtml", product.path("body_html").asString(""));
		line.put("vendor", product.path("vendor").asString(""));
		line.put("productType", product.path("product_type").asString(""));
		ArrayNode tags = line.putArray("tags");
		for (String tag : product.path("tags").asString("").split(",")) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		line.put("status", product.path("status").asString("").toUpperCase(Locale.ROOT));
		String category = product.path("category").path("full_name").asString("");
		if (!category.isEmpty()) {
			line.putObject("category").put("fullName", category);
		}
		ArrayNode options = line.putArray("options");
		for (JsonNode option : product.path("options")) {
			ObjectNode converted = options.addObject();
			converted.put("name", option.path("name").asString(""));
			ArrayNode values = converted.putArray("optionValues");
			option.path("values").forEach((value) -> values.addObject().put("name", value.asString("")));
		}
		line.putObject("variantsCount").put("count", Math.max(1, product.path("variants").size()));
		BigDecimal lowest = lowestPrice(product.path("variants"));
		if (lowest != null) {
			line.putObject("priceRangeV2").putObject("minVariantPrice").put("amount", lowest.toPlainString());
		}
		StringBuilder snapshot = new StringBuilder(JSON.writeValueAsString(line)).append('\n');
		List<JsonNode> images = new ArrayList<>();
		product.path("images").forEach(images::add);
		images.sort(Comparator.comparingInt((image) -> image.path("position").asInt(Integer.MAX_VALUE)));
		for (JsonNode image : images) {
			String url = image.path("src").asString("");
			if (url.isEmpty()) {
				continue;
			}
			ObjectNode medium = JSON.createObjectNode();
			medium.put("id", image.path("admin_graphql_api_id")
				.asString("gid://shopify/ProductImage/" + image.path("id").asLong()));
			medium.put("mediaContentType", "IMAGE");
			medium.putObject("image").put("url", url);
			medium.put("__parentId", gid);
			snapshot.append(JSON.writeValueAsString(medium)).append('\n');
		}
		return snapshot.toString();
	}

	private static BigDecimal lowestPrice(JsonNode variants) {
		BigDecimal lowest = null;
		for (JsonNode variant : variants) {
			try {
				BigDecimal price = new BigDecimal(variant.path("price").asString(""));
				lowest = (lowest == null || price.compareTo(lowest) < 0) ? price : lowest;
			}
			catch (NumberFormatException ex) {
				// a variant without a price does not lower it
			}
		}
		return lowest;
	}

}
