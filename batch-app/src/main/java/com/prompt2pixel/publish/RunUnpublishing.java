package com.prompt2pixel.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.publish.S3Publisher;
import com.prompt2pixel.connectors.shopify.ShopifyMediaPublisher;
import com.prompt2pixel.ingest.ShopifyConnections;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Takes a run's images back from its merchant's targets: each S3 object is deleted unless
 * another published image still uses the same key (content-addressed keys are shared by
 * equal images), each copy in a target folder removed likewise, each Shopify medium
 * detached from its product (the file stays in the shop's files) and the product's media
 * put back in the order they had before the run first changed them (so its primary image
 * too), and the publications marked reverted. The images in the run's own output folder
 * stay: they are the run's record. Reverting again finds nothing left to do.
 */
@Service
public class RunUnpublishing {

	private static final Logger logger = LoggerFactory.getLogger(RunUnpublishing.class);

	private final JdbcTemplate jdbc;

	private final RunRepository runs;

	private final PublishTargets targets;

	private final PublishProperties properties;

	private final ShopifyConnections connections;

	private final ShopifyMediaSnapshots snapshots;

	private final TargetPublishing publishing;

	RunUnpublishing(JdbcTemplate jdbc, RunRepository runs, PublishTargets targets, PublishProperties properties,
			ShopifyConnections connections, ShopifyMediaSnapshots snapshots, TargetPublishing publishing) {
		this.publishing = publishing;
		this.connections = connections;
		this.snapshots = snapshots;
		this.jdbc = jdbc;
		this.runs = runs;
		this.targets = targets;
		this.properties = properties;
	}

	/**
	 * What a revert did.
	 *
	 * @param run the run
	 * @param removed objects and files removed
	 * @param kept publications reverted whose object another published image still uses
	 */
	public record Result(long run, int removed, int kept) {
	}

	/**
	 * @param productKey only this product's images; null for all of the run's
	 * @throws IllegalArgumentException when there is no such run
	 */
	public Result unpublish(long runId, String productKey) {
		return unpublish(runId, productKey, null);
	}

	/**
	 * Takes one image down from everywhere it is published, the run's own folder included
	 * (a merchant reported it), and writes the run's manifests, its folder's and its
	 * buckets', without it. Doing it again finishes what failed and changes nothing else.
	 * @throws IllegalArgumentException when there is no such task
	 */
	public Result takeDown(long taskId) {
		Long runId = this.jdbc.queryForList("SELECT run_id FROM render_task WHERE id = ?", Long.class, taskId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no task with id " + taskId));
		Result result = unpublish(runId, null, taskId);
		GenerationRun run = this.runs.get(runId);
		ManifestTasklet.write(this.jdbc, new FolderPublisher(run.outDir()), runId);
		Boolean inBuckets = this.jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM publication WHERE task_id = ? AND destination = 'S3')""", Boolean.class,
				taskId);
		if (Boolean.TRUE.equals(inBuckets)) {
			// the bucket's manifest of the run lists what is published there
			this.publishing.republishManifests(runId, run.merchantId());
		}
		return result;
	}

	/**
	 * @param taskId only this task's images, its copy in the run's own folder included;
	 * null: the run's (or the product's) images at the merchant's targets
	 */
	private Result unpublish(long runId, String productKey, Long taskId) {
		GenerationRun run = this.runs.get(runId);
		String merchantId = run.merchantId();
		List<Map<String, Object>> published = this.jdbc.queryForList("""
				SELECT pub.id, pub.destination, pub.location
				FROM publication pub
				JOIN render_task t ON t.id = pub.task_id
				JOIN product p ON p.id = t.product_id
				WHERE t.run_id = ? AND pub.status = 'PUBLISHED'
				  AND (pub.destination IN ('S3', 'TARGET_FOLDER', 'SHOPIFY')
				       OR (pub.destination = 'FOLDER' AND CAST(? AS bigint) IS NOT NULL))
				  AND (CAST(? AS text) IS NULL OR p.source_key = ?)
				  AND (CAST(? AS bigint) IS NULL OR t.id = ?)
				ORDER BY pub.id""", runId, taskId, productKey, productKey, taskId, taskId);
		int removed = 0;
		int kept = 0;
		S3Client client = null;
		ShopifyMediaPublisher shopify = null;
		try {
			for (Map<String, Object> publication : published) {
				long id = ((Number) publication.get("id")).longValue();
				String destination = (String) publication.get("destination");
				String location = (String) publication.get("location");
				if ("FOLDER".equals(destination)) {
					// the run's own copy, its path relative to the run's folder: no other
					// image's
					deleteFile(run.outDir().resolve(location));
					reverted(id);
					removed++;
					continue;
				}
				Long others = this.jdbc.queryForObject("""
						SELECT count(*) FROM publication
						WHERE destination = ? AND location = ? AND status = 'PUBLISHED' AND id <> ?""", Long.class,
						destination, location, id);
				if (others != null && others > 0) {
					reverted(id);
					kept++;
					continue;
				}
				if ("SHOPIFY".equals(destination)) {
					if (shopify == null) {
						shopify = TargetPublishing.mediaPublisher(this.connections, merchantId);
					}
					// detached, not deleted: the file stays in the shop's files
					String[] ids = location.split("#", 2);
					shopify.detach(ids[0], List.of(ids[1]));
				}
				else if ("S3".equals(destination)) {
					if (client == null) {
						client = s3Client(merchantId);
					}
					URI object = URI.create(location);
					String key = object.getPath().substring(1);
					client.deleteObject((request) -> request.bucket(object.getHost()).key(key));
				}
				else {
					deleteFile(Path.of(location));
				}
				// only once it is gone: a failed removal stays published, for the next
				// revert
				reverted(id);
				removed++;
			}
			// once every medium of the run is off: the order the products had before
			for (Map.Entry<String, List<String>> order : this.snapshots.toRestore(runId, productKey).entrySet()) {
				if (shopify == null) {
					shopify = TargetPublishing.mediaPublisher(this.connections, merchantId);
				}
				shopify.restoreOrder(order.getKey(), order.getValue());
				this.snapshots.restored(runId, order.getKey());
			}
			if (productKey == null && taskId == null) {
				removeManifest(runId, merchantId);
			}
		}
		finally {
			if (client != null) {
				client.close();
			}
		}
		logger.info("run {}: {} published images taken back, {} kept for other images", runId, removed, kept);
		return new Result(runId, removed, kept);
	}

	private void reverted(long publicationId) {
		this.jdbc.update("UPDATE publication SET status = 'REVERTED', reverted_at = now() WHERE id = ?", publicationId);
	}

	/** The run's manifest in the merchant's bucket, when it has one. */
	private void removeManifest(long runId, String merchantId) {
		for (PublishTarget target : this.targets.list(merchantId)) {
			if (target.kind() != Kind.S3) {
				continue;
			}
			S3Publisher.Target bucket = S3Publisher.Target.parse(target.location(), target.publicBaseUrl(),
					this.properties.s3().linkLifetime());
			try (S3Client client = this.properties.s3().connection(target.endpoint()).client()) {
				client.deleteObject((request) -> request.bucket(bucket.bucket())
					.key(S3Publisher.manifestKey(bucket, merchantId, runId)));
			}
		}
	}

	private S3Client s3Client(String merchantId) {
		URI endpoint = this.targets.list(merchantId)
			.stream()
			.filter((target) -> target.kind() == Kind.S3)
			.map(PublishTarget::endpoint)
			.findFirst()
			.orElse(null);
		return this.properties.s3().connection(endpoint).client();
	}

	private static void deleteFile(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove " + file, ex);
		}
	}

}
