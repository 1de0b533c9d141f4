package com.prompt2pixel.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.prompt2pixel.connectors.io.AtomicFiles;
import com.prompt2pixel.connectors.shopify.ShopifyWebhook;
import com.prompt2pixel.templates.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * Shopify's product webhooks: a verified {@code products/create} or
 * {@code products/update} re-imports that one product for the merchant that connected the
 * shop. The delivery, its import and the import's place in the queue are recorded in one
 * transaction, so a delivery acknowledged is imported even if this process dies next. A
 * delivery Shopify sends again (same webhook id) is acknowledged and not imported twice,
 * unless its import failed: then that import is queued again.
 * <p>
 * A delivery is signed with the client secret of the app that owns the subscription: the
 * merchant's own app's when its connection names one, else the shared app's; during a
 * rotation the previous secret is accepted too. A delivery older than the product's last
 * applied change is recorded and not applied ({@link ShopifyProductChanges}), and a
 * product moved to a status that is not imported is marked removed.
 */
@Service
public class ShopifyWebhookReceiver {

	static final Set<String> PRODUCT_TOPICS = Set.of("products/create", "products/update", "products/delete");

	private static final String DELETE = "products/delete";

	private static final Logger logger = LoggerFactory.getLogger(ShopifyWebhookReceiver.class);

	private final ShopifyProperties properties;

	private final ShopifyConnections connections;

	private final CatalogImportService importService;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final CatalogImports imports;

	private final ImportQueue queue;

	private final ImportJobs jobs;

	private final Path folder;

	private final ShopifyProductChanges changes;

	ShopifyWebhookReceiver(ShopifyProperties properties, ShopifyConnections connections,
			CatalogImportService importService, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			CatalogImports imports, ImportQueue queue, ImportJobs jobs, IngestProperties ingest,
			ShopifyProductChanges changes) {
		this.properties = properties;
		this.connections = connections;
		this.importService = importService;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.imports = imports;
		this.queue = queue;
		this.jobs = jobs;
		this.folder = ingest.reportsDir().resolve("webhooks");
		this.changes = changes;
	}

	/**
	 * What became of a delivery.
	 *
	 * @param outcome what was done
	 * @param importId the import it queued (or queued before, for a repeat); null when
	 * none
	 * @param message why, in words for the log and the response
	 */
	public record Receipt(Outcome outcome, Long importId, String message) {
	}

	/** What became of a delivery, each with its HTTP answer in the controller. */
	public enum Outcome {

		QUEUED, REMOVED, REPEATED, STALE, IGNORED_TOPIC, NOT_CONFIGURED, BAD_SIGNATURE, UNKNOWN_SHOP, BAD_PAYLOAD

	}

	/**
	 * Handles one delivery: body as received, byte for byte, and Shopify's headers.
	 * @param triggeredAt {@code X-Shopify-Triggered-At}, or null when not sent
	 */
	public Receipt receive(byte[] body, String signature, String shop, String topic, String webhookId,
			String triggeredAt) {
		Optional<String> merchant = (shop != null) ? this.connections.merchantFor(shop) : Optional.empty();
		ShopifyConnections.WebhookSecrets secrets = this.connections.webhookSecrets(merchant);
		if (secrets.secrets().isEmpty()) {
			return new Receipt(Outcome.NOT_CONFIGURED, null,
					"webhooks of " + secrets.app() + " are off: its client secret is not set in " + secrets.source());
		}
		int matched = matchingSecret(body, signature, secrets.secrets());
		if (matched < 0) {
			logger.warn("refused a webhook for shop {}: its X-Shopify-Hmac-SHA256 does not match the secret of {}",
					shop, secrets.app());
			return new Receipt(Outcome.BAD_SIGNATURE, null, "X-Shopify-Hmac-SHA256 does not match the body");
		}
		if (matched > 0) {
			logger.info("a webhook for shop {} was signed with the previous secret of {}; revoke it once Shopify "
					+ "signs with the new one", shop, secrets.app());
		}
		Instant triggered = instant(triggeredAt);
		Duration age = (triggered != null) ? Duration.between(triggered, Instant.now()) : null;
		if (age != null && age.compareTo(this.properties.webhookMaxAge()) > 0) {
			logger.warn("ignored a webhook for shop {} triggered {} ago", shop, age);
			return new Receipt(Outcome.STALE, null, "the delivery was triggered at " + triggeredAt
					+ ", longer ago than p2p.shopify.webhook-max-age (" + this.properties.webhookMaxAge() + ")");
		}
		if (topic == null || !PRODUCT_TOPICS.contains(topic)) {
			return new Receipt(Outcome.IGNORED_TOPIC, null, "topic '" + topic + "' is not handled");
		}
		if (merchant.isEmpty()) {
			return new Receipt(Outcome.UNKNOWN_SHOP, null, "shop '" + shop + "' is connected to no merchant");
		}
		String deleted = null;
		ShopifyWebhook.ProductUpdate update = null;
		try {
			if (DELETE.equals(topic)) {
				deleted = ShopifyWebhook.deletedProduct(body);
			}
			else {
				update = ShopifyWebhook.update(body);
			}
		}
		catch (IllegalArgumentException ex) {
			return new Receipt(Outcome.BAD_PAYLOAD, null, ex.getMessage());
		}
		String delivery = (webhookId != null && !webhookId.isBlank()) ? webhookId.strip()
				: Base64.getUrlEncoder().withoutPadding().encodeToString(ShopifyWebhook.sign(body, "delivery"));
		String merchantId = merchant.get();
		Delivery received = new Delivery(delivery, Sha256.hex(body), shop, topic, merchantId, triggered);
		String removal = deleted;
		ShopifyWebhook.ProductUpdate product = update;
		return this.transactions.execute((status) -> record(received, removal, product));
	}

	/** The index of the secret the signature matches (0: the current one), or -1. */
	private static int matchingSecret(byte[] body, String signature, List<String> secrets) {
		for (int i = 0; i < secrets.size(); i++) {
			if (ShopifyWebhook.verify(body, signature, secrets.get(i))) {
				return i;
			}
		}
		return -1;
	}

	/** When Shopify triggered the delivery; null when it does not say. */
	private static Instant instant(String triggeredAt) {
		if (triggeredAt == null || triggeredAt.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(triggeredAt.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** One delivery, verified, of a connected shop. */
	private record Delivery(String id, String hash, String shop, String topic, String merchantId, Instant triggered) {
	}

	private Receipt record(Delivery received, String deleted, ShopifyWebhook.ProductUpdate update) {
		String delivery = received.id();
		String merchantId = received.merchantId();
		// a repeat by its id (Shopify's retry) or by its body (a signed body replayed
		// under another id): either conflict inserts nothing
		int inserted = this.jdbc.update("""
				INSERT INTO shopify_webhook_delivery (webhook_id, body_sha256, shop, topic) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", delivery, received.hash(), received.shop(), received.topic());
		if (inserted == 0) {
			String first = this.jdbc
				.queryForList(
						"SELECT webhook_id FROM shopify_webhook_delivery WHERE webhook_id = ? OR body_sha256 = ? "
								+ "ORDER BY webhook_id = ? DESC LIMIT 1",
						String.class, delivery, received.hash(), delivery)
				.stream()
				.findFirst()
				.orElse(delivery);
			return repeated(first);
		}
		if (deleted != null) {
			this.changes.recordDelete(merchantId, deleted, received.triggered());
			return markRemoved(merchantId, deleted, "marked removed");
		}
		String stale = this.changes.admitUpdate(merchantId, update.gid(), received.triggered(), update.updatedAt());
		if (stale != null) {
			logger.info("ignored a stale {} for shop {}: {}", received.topic(), received.shop(), stale);
			return new Receipt(Outcome.STALE, null, "the delivery is stale: " + stale);
		}
		if (!update.status().isEmpty() && !this.properties.readSettings().imports(update.status())) {
			return markRemoved(merchantId, update.gid(), "marked removed: its status is now " + update.status()
					+ ", which is not imported (p2p.shopify.statuses)");
		}
		// named by the delivery: a retry writes the same file again
		Path file = this.folder.resolve(delivery.replaceAll("[^A-Za-z0-9_-]", "_") + ".jsonl");
		AtomicFiles.write(file, update.snapshot().getBytes(StandardCharsets.UTF_8));
		long importId = this.importService.queueProducts(merchantId, file);
		this.jdbc.update("UPDATE shopify_webhook_delivery SET import_id = ? WHERE webhook_id = ?", importId, delivery);
		return new Receipt(Outcome.QUEUED, importId, received.topic() + " for merchant '" + merchantId + "' queued");
	}

	/** Kept, marked removed: its images and history stay, no run renders it again. */
	private Receipt markRemoved(String merchantId, String gid, String what) {
		int removed = this.jdbc.update("""
				UPDATE product SET removed_at = now()
				WHERE merchant_id = ? AND external_id = ? AND removed_at IS NULL""", merchantId, gid);
		return new Receipt(Outcome.REMOVED, null, (removed > 0) ? "product " + gid + " " + what
				: "product " + gid + " is not among the current products of merchant '" + merchantId + "'");
	}

	/**
	 * A delivery seen before: acknowledged, and imported again only if its import failed.
	 */
	private Receipt repeated(String delivery) {
		Long earlier = this.jdbc.queryForObject("SELECT import_id FROM shopify_webhook_delivery WHERE webhook_id = ?",
				Long.class, delivery);
		// only once its execution has ended: an ending job could mark it failed again
		if (earlier != null && !this.jobs.isMarkedRunning(earlier) && this.imports.requeueFailed(earlier)) {
			this.queue.enqueue(earlier);
			return new Receipt(Outcome.QUEUED, earlier,
					"delivery " + delivery + " was received before and its import failed; queued again");
		}
		return new Receipt(Outcome.REPEATED, earlier, "delivery " + delivery + " was received before");
	}

}
