package com.prompt2pixel.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The latest change of each Shopify product that a webhook delivered, so that a delivery
 * older than what was applied is recognised. Shopify retries a failed delivery 8 times
 * over 4 hours with its original payload, and deliveries can arrive out of order: it says
 * to compare {@code X-Shopify-Triggered-At}. A delivery is stale when it was triggered
 * before the last one applied for the product, when its {@code updated_at} is older, when
 * it was triggered before the shop was last read in full (that read holds its change or a
 * newer one), or when it is an update of a product deleted after it.
 */
@Repository
class ShopifyProductChanges {

	private final JdbcTemplate jdbc;

	private final CatalogImports imports;

	ShopifyProductChanges(JdbcTemplate jdbc, CatalogImports imports) {
		this.jdbc = jdbc;
		this.imports = imports;
	}

	/**
	 * Admits an update of the product, or says why it is stale. Runs in the caller's
	 * transaction and locks the product's row, so that two deliveries of one product are
	 * judged one after the other.
	 * @param triggered {@code X-Shopify-Triggered-At}, or null when not sent
	 * @param updated the payload's {@code updated_at}, or null
	 * @return null when admitted (and recorded as the product's latest change), else why
	 * it is stale
	 */
	String admitUpdate(String merchantId, String gid, Instant triggered, Instant updated) {
		Map<String, Object> last = lock(merchantId, gid);
		Instant lastTriggered = instant(last.get("triggered_at"));
		Instant lastUpdated = instant(last.get("updated_at"));
		Instant deleted = instant(last.get("deleted_at"));
		if (deleted != null) {
			Instant when = (triggered != null) ? triggered : updated;
			if (when == null || !when.isAfter(deleted)) {
				return "product " + gid + " was deleted at " + deleted
						+ "; an update from before the delete does not bring it back";
			}
		}
		if (triggered != null && lastTriggered != null && triggered.isBefore(lastTriggered)) {
			return "it was triggered at " + triggered + ", before the delivery already applied to product " + gid
					+ " (triggered at " + lastTriggered + ")";
		}
		if (updated != null && lastUpdated != null && updated.isBefore(lastUpdated)) {
			return "its product " + gid + " was updated at " + updated + ", before the version already applied ("
					+ lastUpdated + ")";
		}
		Instant read = this.imports.lastShopRead(merchantId);
		if (triggered != null && read != null && triggered.isBefore(read)) {
			return "it was triggered at " + triggered + ", before the shop was read in full at " + read
					+ ", which holds this change or a newer one";
		}
		this.jdbc.update("""
				UPDATE shopify_product_change
				SET triggered_at = greatest(triggered_at, ?), updated_at = greatest(updated_at, ?), deleted_at = NULL
				WHERE merchant_id = ? AND product_gid = ?""", timestamp(triggered), timestamp(updated), merchantId,
				gid);
		return null;
	}

	/**
	 * Records the product's delete, which is final: Shopify never gives a deleted
	 * product's id to another.
	 */
	void recordDelete(String merchantId, String gid, Instant triggered) {
		lock(merchantId, gid);
		this.jdbc.update("""
				UPDATE shopify_product_change
				SET deleted_at = coalesce(?, now()), triggered_at = greatest(triggered_at, ?)
				WHERE merchant_id = ? AND product_gid = ?""", timestamp(triggered), timestamp(triggered), merchantId,
				gid);
	}

	private Map<String, Object> lock(String merchantId, String gid) {
		this.jdbc.update("""
				INSERT INTO shopify_product_change (merchant_id, product_gid) VALUES (?, ?)
				ON CONFLICT DO NOTHING""", merchantId, gid);
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT triggered_at, updated_at, deleted_at FROM shopify_product_change
				WHERE merchant_id = ? AND product_gid = ? FOR UPDATE""", merchantId, gid);
		return rows.get(0);
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime time) {
			return time.toInstant();
		}
		return null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
