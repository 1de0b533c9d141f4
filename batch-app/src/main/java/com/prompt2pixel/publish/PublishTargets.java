package com.prompt2pixel.publish;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.ImageFormat;
import com.prompt2pixel.connectors.publish.S3Publisher;
import com.prompt2pixel.ingest.ShopifyConnections;
import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.publish.PublishTarget.Kind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each merchant's publish targets, one per kind: set, listed, removed, and chosen for a
 * run (all of them, or those {@code run --publish} names).
 */
@Repository
public class PublishTargets {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final PublishProperties properties;

	private final ShopifyConnections connections;

	PublishTargets(JdbcTemplate jdbc, Merchants merchants, PublishProperties properties,
			ShopifyConnections connections) {
		this.connections = connections;
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.properties = properties;
	}

	/**
	 * Sets the merchant's target of that kind, replacing the one it had.
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	public PublishTarget set(PublishTarget target) {
		Merchants.checkId(target.merchantId());
		if (target.kind() == Kind.S3) {
			// checked as the publisher will read it
			S3Publisher.Target.parse(target.location(), target.publicBaseUrl(), this.properties.s3().linkLifetime());
			if (target.endpoint() != null) {
				this.properties.s3().checkEndpoint(target.endpoint());
			}
		}
		if (target.kind() == Kind.SHOPIFY) {
			if (this.connections.shopOf(target.merchantId()).isEmpty()) {
				throw new IllegalArgumentException("merchant '" + target.merchantId()
						+ "' has no Shopify shop connected; connect one with: shopify-connect --merchant "
						+ target.merchantId() + " --shop your-store.myshopify.com");
			}
		}
		if (target.kind() != Kind.SHOPIFY && target.position() != PublishTarget.Position.APPEND) {
			throw new IllegalArgumentException("only a Shopify target places images among a product's media; a "
					+ target.kind().label() + " target takes no position");
		}
		if (target.kind() == Kind.FOLDER && !target.folder().isAbsolute()) {
			throw new IllegalArgumentException("publish folder '" + target.folder() + "' is not an absolute path");
		}
		this.merchants.ensure(target.merchantId());
		this.jdbc.update("""
				INSERT INTO publish_target (merchant_id, kind, folder, location, endpoint, public_base_url, format,
				                            quality, max_edge, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (merchant_id, kind) DO UPDATE SET folder = excluded.folder, location = excluded.location,
				    endpoint = excluded.endpoint, public_base_url = excluded.public_base_url, format = excluded.format,
				    quality = excluded.quality, max_edge = excluded.max_edge, position = excluded.position,
				    updated_at = now()""", target.merchantId(), target.kind().name(),
				(target.folder() != null) ? target.folder().normalize().toString() : null, target.location(),
				text(target.endpoint()), text(target.publicBaseUrl()), target.encoding().format().name(),
				target.encoding().quality(), target.encoding().maxEdge(), target.position().name());
		return list(target.merchantId()).stream()
			.filter((stored) -> stored.kind() == target.kind())
			.findFirst()
			.orElseThrow();
	}

	public List<PublishTarget> list(String merchantId) {
		return this.jdbc.query("SELECT * FROM publish_target WHERE merchant_id = ? ORDER BY kind", PublishTargets::map,
				merchantId);
	}

	/**
	 * @return whether the merchant had a target of that kind
	 */
	public boolean remove(String merchantId, Kind kind) {
		return this.jdbc.update("DELETE FROM publish_target WHERE merchant_id = ? AND kind = ?", merchantId,
				kind.name()) == 1;
	}

	/**
	 * The targets a run publishes to: the merchant's, or among them those the run names.
	 * @throws IllegalArgumentException when the run names a target the merchant has not
	 * set
	 */
	public List<PublishTarget> forRun(String merchantId, String publishTo) {
		List<PublishTarget> targets = list(merchantId);
		if (publishTo == null) {
			return targets;
		}
		Set<Kind> named = kinds(publishTo);
		Set<Kind> present = targets.stream().map(PublishTarget::kind).collect(Collectors.toSet());
		for (Kind kind : named) {
			if (!present.contains(kind)) {
				throw new IllegalArgumentException("merchant '" + merchantId + "' has no " + kind.label()
						+ " target; set one with: publish-target set --merchant " + merchantId + " --" + kind.label()
						+ " …");
			}
		}
		return targets.stream().filter((target) -> named.contains(target.kind())).toList();
	}

	/**
	 * The kinds {@code run --publish} names, comma-separated ({@code folder,s3}).
	 * @throws IllegalArgumentException naming one that is not a kind
	 */
	public static Set<Kind> kinds(String publishTo) {
		return Arrays.stream(publishTo.split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.map(Kind::of)
			.collect(Collectors.toSet());
	}

	private static PublishTarget map(ResultSet rs, int row) throws SQLException {
		String folder = rs.getString("folder");
		String endpoint = rs.getString("endpoint");
		String publicBase = rs.getString("public_base_url");
		return new PublishTarget(rs.getString("merchant_id"), Kind.valueOf(rs.getString("kind")),
				(folder != null) ? Path.of(folder) : null, rs.getString("location"),
				(endpoint != null) ? URI.create(endpoint) : null, (publicBase != null) ? URI.create(publicBase) : null,
				new ImageEncoder.Settings(ImageFormat.valueOf(rs.getString("format")), rs.getFloat("quality"),
						rs.getInt("max_edge")),
				PublishTarget.Position.valueOf(rs.getString("position")));
	}

	private static String text(URI uri) {
		return (uri != null) ? uri.toString() : null;
	}

}
