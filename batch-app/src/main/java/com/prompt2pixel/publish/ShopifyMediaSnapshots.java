package com.prompt2pixel.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.prompt2pixel.connectors.shopify.ShopifyMediaPublisher.Medium;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a Shopify product's media were before a run first changed them: their ids, order
 * (the first is the primary image) and alt texts, taken once per run and product, before
 * the first attach, and kept when a retry or a restart comes back to the product. A
 * revert puts that order back.
 */
@Repository
public class ShopifyMediaSnapshots {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	/** A snapshot commits before the attach it precedes, whatever transaction is open. */
	private final TransactionTemplate ownTransaction;

	ShopifyMediaSnapshots(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Takes the product's snapshot for the run unless the run has one: the media are read
	 * only then.
	 */
	void takeOnce(long runId, String productGid, Supplier<List<Medium>> media) {
		this.ownTransaction.executeWithoutResult((status) -> take(runId, productGid, media));
	}

	private void take(long runId, String productGid, Supplier<List<Medium>> media) {
		// the run publishes to the product again after a revert: that revert is undone
		if (this.jdbc.update("""
				UPDATE shopify_media_snapshot SET restored_at = NULL
				WHERE run_id = ? AND product_gid = ? AND restored_at IS NOT NULL""", runId, productGid) > 0
				|| order(runId, productGid).isPresent()) {
			return;
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (Medium medium : media.get()) {
			rows.add(Map.of("id", medium.id(), "alt", medium.alt()));
		}
		// a snapshot taken meanwhile by another attempt is as old as this one, or older
		this.jdbc.update("""
				INSERT INTO shopify_media_snapshot (run_id, product_gid, media) VALUES (?, ?, CAST(? AS jsonb))
				ON CONFLICT (run_id, product_gid) DO NOTHING""", runId, productGid, this.json.writeValueAsString(rows));
	}

	/** The media ids in the order the product had before the run changed it. */
	Optional<List<String>> order(long runId, String productGid) {
		List<String> found = this.jdbc.queryForList(
				"SELECT media::text FROM shopify_media_snapshot WHERE run_id = ? AND product_gid = ?", String.class,
				runId, productGid);
		return found.stream().findFirst().map(this::ids);
	}

	/**
	 * The run's snapshots not put back yet, by product id; of the products of one product
	 * key only when {@code productKey} is not null.
	 */
	Map<String, List<String>> toRestore(long runId, String productKey) {
		Map<String, List<String>> orders = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT s.product_gid, s.media::text FROM shopify_media_snapshot s
				WHERE s.run_id = ? AND s.restored_at IS NULL
				  AND (CAST(? AS text) IS NULL OR s.product_gid IN (
				      SELECT p.external_id FROM render_task t JOIN product p ON p.id = t.product_id
				      WHERE t.run_id = s.run_id AND p.source_key = ?))
				ORDER BY s.product_gid""", (rs) -> {
			orders.put(rs.getString(1), ids(rs.getString(2)));
		}, runId, productKey, productKey);
		return orders;
	}

	/** The product's earlier order is back. */
	void restored(long runId, String productGid) {
		this.jdbc.update("UPDATE shopify_media_snapshot SET restored_at = now() WHERE run_id = ? AND product_gid = ?",
				runId, productGid);
	}

	private List<String> ids(String media) {
		List<String> ids = new ArrayList<>();
		for (JsonNode medium : this.json.readTree(media)) {
			ids.add(medium.path("id").asString());
		}
		return ids;
	}

}
