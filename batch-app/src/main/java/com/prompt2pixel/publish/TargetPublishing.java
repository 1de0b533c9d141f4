package com.prompt2pixel.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.S3Publisher;
import com.prompt2pixel.connectors.shopify.Pause;
import com.prompt2pixel.connectors.shopify.ShopifyMediaPublisher;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.ingest.ShopifyConnections;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.system.RetryProperties;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a run's images, those in its own folder already, to its merchant's targets:
 * each image encoded as the target wants it and written once (a publication per image and
 * target, keyed by both). A failing target does not stop the others: each image's failure
 * is retried by the retry policy, then recorded with its error and tried again by the
 * next publish of the run. An S3 target also gets the run's manifest with each image's
 * link.
 */
@Service
public class TargetPublishing {

	private static final Logger logger = LoggerFactory.getLogger(TargetPublishing.class);

	/**
	 * The run's images in its own folder that the target has not published yet, and
	 * whether an attempt at one was made before.
	 */
	private static final String TO_PUBLISH = """
			SELECT t.id, t.image_key, t.template_id, t.variant, t.alt_text, p.source_key, p.external_id, p.title,
			       EXISTS (SELECT 1 FROM publication tried WHERE tried.task_id = t.id AND tried.destination = ?) AS tried
			FROM render_task t
			JOIN product p ON p.id = t.product_id
			JOIN publication own ON own.task_id = t.id AND own.destination = 'FOLDER' AND own.status = 'PUBLISHED'
			WHERE t.run_id = ? AND (CAST(? AS text) IS NULL OR p.source_key = ?)
			  AND NOT EXISTS (SELECT 1 FROM publication done WHERE done.task_id = t.id AND done.destination = ?
			                  AND done.status = 'PUBLISHED')
			ORDER BY t.id""";

	/** What an attempt's row says until its outcome is recorded. */
	static final String INTERRUPTED = "an attempt began and its outcome was not recorded (interrupted?); "
			+ "the next publish looks for what it wrote";

	private final JdbcTemplate jdbc;

	private final ImageStore store;

	private final PublishTargets targets;

	private final PublishProperties properties;

	private final RetryConfig retryPolicy;

	private final ShopifyConnections connections;

	private final ShopifyMediaSnapshots snapshots;

	/**
	 * Each publication's row commits on its own, at once: the step's tasklet runs in one
	 * transaction for all of the run's images, and a process killed in it must leave the
	 * rows of what it began and finished.
	 */
	private final TransactionTemplate ownTransaction;

	TargetPublishing(JdbcTemplate jdbc, ImageStore store, PublishTargets targets, PublishProperties properties,
			RetryProperties retry, ShopifyConnections connections, ShopifyMediaSnapshots snapshots,
			PlatformTransactionManager transactions) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.connections = connections;
		this.snapshots = snapshots;
		this.jdbc = jdbc;
		this.store = store;
		this.targets = targets;
		this.properties = properties;
		this.retryPolicy = RetryConfig.from(retry.policy())
			// a missing bucket or refused credentials stay so: only a broken connection,
			// a
			// server error or throttling is tried again
			.retryOnException(TargetPublishing::isTransient)
			.build();
	}

	/**
	 * What a run's publishing to one target did.
	 *
	 * @param published images written (or found written) now
	 * @param failed images that failed after their retries
	 */
	public record Outcome(int published, int failed) {
	}

	/**
	 * Publishes the run's images to the targets it names (all of the merchant's when
	 * null).
	 * @return per target, what was done
	 */
	public Map<String, Outcome> publish(long runId, String merchantId, String publishTo) {
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		for (PublishTarget target : this.targets.forRun(merchantId, publishTo)) {
			Outcome outcome;
			try {
				outcome = publish(runId, target);
			}
			catch (RuntimeException ex) {
				// the target cannot be reached at all (no token, refused scopes): each of
				// its images says why
				String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
				logger.warn("run {}: nothing published to {}: {}", runId, target.kind().label(), reason);
				outcome = failEach(runId, target, reason);
			}
			outcomes.put(target.kind().label(), outcome);
		}
		return outcomes;
	}

	private Outcome publish(long runId, PublishTarget target) {
		if (target.kind() == Kind.FOLDER) {
			return publishEach(runId, target, new FolderWriter(new FolderPublisher(target.folder()), target));
		}
		if (target.kind() == Kind.SHOPIFY) {
			ShopifyMediaPublisher publisher = mediaPublisher(this.connections, target.merchantId());
			publisher.checkScopes();
			return publishEach(runId, target, new ShopifyWriter(publisher, target, runId, this.snapshots, this.jdbc));
		}
		return inBucket(target, (publisher) -> {
			Outcome outcome = publishEach(runId, target, new S3Writer(publisher, target));
			try {
				publishManifest(runId, target, publisher);
			}
			catch (RuntimeException ex) {
				// the images' failures are recorded; the next publish writes it again
				logger.warn("run {}: its manifest was not published to {}: {}", runId, target.location(),
						ex.getMessage());
			}
			return outcome;
		});
	}

	/**
	 * Writes the run's manifest again in each of the merchant's buckets, from what is
	 * published there now: after one of its images was taken down, so that the manifest
	 * no longer lists it. A bucket that cannot be written keeps the manifest it had,
	 * until the run's next publish.
	 */
	public void republishManifests(long runId, String merchantId) {
		for (PublishTarget target : this.targets.list(merchantId)) {
			if (target.kind() != Kind.S3) {
				continue;
			}
			try {
				inBucket(target, (publisher) -> {
					publishManifest(runId, target, publisher);
					return null;
				});
			}
			catch (RuntimeException ex) {
				logger.warn("run {}: its manifest was not written again to {}: {}", runId, target.location(),
						ex.getMessage());
			}
		}
	}

	private <T> T inBucket(PublishTarget target, Function<S3Publisher, T> work) {
		PublishProperties.S3 s3 = this.properties.s3();
		try (S3Client client = s3.connection(target.endpoint()).client();
				S3Presigner presigner = s3.connection(target.endpoint()).presigner()) {
			return work.apply(new S3Publisher(client, presigner,
					S3Publisher.Target.parse(target.location(), target.publicBaseUrl(), s3.linkLifetime())));
		}
	}

	private Outcome publishEach(long runId, PublishTarget target, Writer writer) {
		String destination = target.kind().destination();
		Retry retry = Retry.of("publish to " + target.kind().label(), this.retryPolicy);
		int[] counts = new int[2];
		this.jdbc.query(TO_PUBLISH, (rs) -> {
			long taskId = rs.getLong("id");
			String imageKey = rs.getString("image_key");
			Image image = new Image(taskId, rs.getString("source_key"), rs.getString("external_id"),
					rs.getString("title"), rs.getString("template_id"), rs.getInt("variant"), rs.getString("alt_text"));
			String key = destination.toLowerCase(Locale.ROOT) + ":task:" + taskId;
			// until an attempt has begun, nothing can have been written for the image
			boolean[] tried = { rs.getBoolean("tried") };
			try {
				byte[] encoded = ImageEncoder.encode(this.store.get(imageKey), target.encoding());
				Written written = retry.executeSupplier(() -> {
					if (!tried[0] && writer.recordsIntent()) {
						// committed before the first call: after a crash, this row tells
						// the next attempt to look for what this one wrote
						recordIntent(taskId, destination, key);
					}
					boolean earlier = tried[0];
					tried[0] = true;
					return writer.write(image, encoded, earlier);
				});
				record(taskId, destination, key, written.location(), written.url(), "PUBLISHED", null);
				counts[0]++;
			}
			catch (RuntimeException ex) {
				String error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
				logger.warn("run {}: image of task {} not published to {}: {}", runId, taskId, target.kind().label(),
						error);
				record(taskId, destination, key, "", null, "FAILED", error);
				counts[1]++;
			}
		}, destination, runId, null, null, destination);
		return new Outcome(counts[0], counts[1]);
	}

	/**
	 * Records every image the target has not published as failed for one reason, without
	 * reading or encoding any of them.
	 */
	private Outcome failEach(long runId, PublishTarget target, String reason) {
		String destination = target.kind().destination();
		int[] failed = new int[1];
		this.jdbc.query(TO_PUBLISH, (rs) -> {
			long taskId = rs.getLong("id");
			record(taskId, destination, destination.toLowerCase(Locale.ROOT) + ":task:" + taskId, "", null, "FAILED",
					reason);
			failed[0]++;
		}, destination, runId, null, null, destination);
		return new Outcome(0, failed[0]);
	}

	/**
	 * The row of an attempt about to begin: failed, as it stays if the process dies
	 * before the outcome; no attempt counted yet.
	 */
	private void recordIntent(long taskId, String destination, String key) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update("""
				INSERT INTO publication (task_id, destination, location, idempotency_key, status, error, attempts)
				VALUES (?, ?, '', ?, 'FAILED', ?, 0)
				ON CONFLICT (idempotency_key) DO NOTHING""", taskId, destination, key, INTERRUPTED));
	}

	private void record(long taskId, String destination, String key, String location, String url, String status,
			String error) {
		this.ownTransaction.executeWithoutResult((transaction) -> this.jdbc.update(
				"""
						INSERT INTO publication (task_id, destination, location, idempotency_key, status, url, error)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (idempotency_key) DO UPDATE SET
						    location = CASE WHEN excluded.status = 'PUBLISHED' THEN excluded.location ELSE publication.location END,
						    status = excluded.status, url = excluded.url, error = excluded.error,
						    attempts = publication.attempts + 1, published_at = now(), reverted_at = NULL""",
				taskId, destination, location, key, status, url, error));
	}

	/**
	 * The run's manifest beside its images: one row per image published to the bucket.
	 */
	private void publishManifest(long runId, PublishTarget target, S3Publisher publisher) {
		StringWriter text = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(text)) {
			csv.writeRecord("product_key", "template", "variant", "seed", "backend", "prompt", "key", "url");
			this.jdbc.query("""
					SELECT p.source_key, t.template_id, t.variant, t.seed, t.backend, t.prompt, pub.location, pub.url
					FROM publication pub
					JOIN render_task t ON t.id = pub.task_id
					JOIN product p ON p.id = t.product_id
					WHERE t.run_id = ? AND pub.destination = 'S3' AND pub.status = 'PUBLISHED'
					ORDER BY p.source_key, t.template_id, t.variant""", (rs) -> {
				csv.writeRecord(rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)),
						Long.toString(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8));
			}, runId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		publisher.publishManifest(target.merchantId(), runId, text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The merchant's shop's media, polled every 2 s for at most 5 minutes a medium
	 * (Shopify processes an image in seconds).
	 */
	static ShopifyMediaPublisher mediaPublisher(ShopifyConnections connections, String merchantId) {
		return new ShopifyMediaPublisher(connections.client(merchantId),
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(), Pause.SLEEP,
				Duration.ofSeconds(2), Duration.ofMinutes(5));
	}

	private static boolean isTransient(Throwable failure) {
		if (failure instanceof S3Exception s3) {
			return s3.statusCode() >= 500 || s3.statusCode() == 429;
		}
		return failure instanceof SdkClientException || failure instanceof UncheckedIOException;
	}

	/** Which image of the run, and of which product. */
	private record Image(long taskId, String productKey, String productGid, String title, String templateId,
			int variant, String altText) {

		/**
		 * What a shopper's screen reader says: the scene's alt text, rendered at
		 * expansion; for a task expanded before scenes had one, the product and the
		 * scene.
		 */
		String alt() {
			return (this.altText != null) ? this.altText : this.title + " — " + this.templateId.replace('-', ' ');
		}

	}

	/** Where an image went and its link. */
	private record Written(String location, String url) {
	}

	/** Writes one encoded image to a target. */
	private interface Writer {

		/**
		 * @param earlierAttempt whether an attempt before this one may have written it
		 */
		Written write(Image image, byte[] encoded, boolean earlierAttempt);

		/**
		 * Whether an attempt is recorded before it begins, for a target that cannot write
		 * an image twice harmlessly and must otherwise look for it before each attempt.
		 */
		default boolean recordsIntent() {
			return false;
		}

	}

	/** {@code s3://bucket/key}, linked under the public base URL or presigned. */
	private record S3Writer(S3Publisher publisher, PublishTarget target) implements Writer {

		@Override
		public Written write(Image image, byte[] encoded, boolean earlierAttempt) {
			S3Publisher.Stored stored = this.publisher.publish(this.target.merchantId(), encoded,
					this.target.encoding().format());
			return new Written("s3://" + this.publisher.target().bucket() + "/" + stored.key(),
					this.publisher.link(stored.key()).toString());
		}

	}

	/**
	 * A medium of the product in the merchant's shop, {@code <product gid>#<media gid>}:
	 * the product's media are snapshotted before the run's first change to it, and with
	 * {@link PublishTarget.Position#PRIMARY} the run's images go first, in the run's
	 * order.
	 */
	private record ShopifyWriter(ShopifyMediaPublisher publisher, PublishTarget target, long runId,
			ShopifyMediaSnapshots snapshots, JdbcTemplate jdbc) implements Writer {

		@Override
		public boolean recordsIntent() {
			return true;
		}

		/**
		 * A first attempt attaches without searching the product's media for the image's
		 * marker; any later one searches first.
		 */
		@Override
		public Written write(Image image, byte[] encoded, boolean earlierAttempt) {
			if (image.productGid() == null || !image.productGid().startsWith("gid://shopify/Product/")) {
				throw new IllegalArgumentException("product '" + image.productKey()
						+ "' has no Shopify product id: it was imported from a file, not from the shop");
			}
			this.snapshots.takeOnce(this.runId, image.productGid(), () -> this.publisher.media(image.productGid()));
			ShopifyMediaPublisher.Attached attached = this.publisher
				.publish(new ShopifyMediaPublisher.Image(image.productGid(), "task-" + image.taskId(), encoded,
						this.target.encoding().format().contentType(), this.target.encoding().format().extension(),
						image.alt(), earlierAttempt));
			if (this.target.position() == PublishTarget.Position.PRIMARY) {
				// a retry moves it to where it is already: nothing is sent
				this.publisher.moveTo(image.productGid(), attached, placedBefore(image));
			}
			return new Written(image.productGid() + "#" + attached.mediaId(), attached.url());
		}

		/**
		 * The run's images on the product already that come before this one in the run:
		 * whatever order they were published in, the run's order is kept.
		 */
		private int placedBefore(Image image) {
			Integer placed = this.jdbc.queryForObject("""
					SELECT count(*) FROM publication pub JOIN render_task t ON t.id = pub.task_id
					WHERE t.run_id = ? AND t.id < ? AND pub.destination = 'SHOPIFY' AND pub.status = 'PUBLISHED'
					  AND split_part(pub.location, '#', 1) = ?""", Integer.class, this.runId, image.taskId(),
					image.productGid());
			return (placed != null) ? placed : 0;
		}

	}

	/** {@code <folder>/<product>/<template>-<variant>.<ext>}. */
	private record FolderWriter(FolderPublisher publisher, PublishTarget target) implements Writer {

		@Override
		public Written write(Image image, byte[] encoded, boolean earlierAttempt) {
			String relative = this.publisher.publish(image.productKey(), image.templateId(), image.variant(), encoded,
					this.target.encoding().format().extension());
			Path file = this.publisher.folder().resolve(relative);
			return new Written(file.toString(), null);
		}

	}

}
