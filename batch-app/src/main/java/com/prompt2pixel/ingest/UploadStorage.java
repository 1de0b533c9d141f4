package com.prompt2pixel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.prompt2pixel.cluster.NodeDuty;
import com.prompt2pixel.cluster.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The folder of uploaded catalogs ({@code p2p.ingest.uploads-dir}, a folder per merchant,
 * one per upload): each merchant's uploads held to {@code p2p.upload.quota}, and, on
 * every manager about once an hour, the folders of uploads older than
 * {@code p2p.upload.retention} removed, unless a run or the nightly sync may still read
 * them: the merchant's last completed catalog, any import not ended, the file of a run
 * not ended.
 */
@Component
@Order(5)
@EnableConfigurationProperties(UploadProperties.class)
public class UploadStorage implements NodeDuty {

	private static final Logger log = LoggerFactory.getLogger(UploadStorage.class);

	private static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final Path uploads;

	private final UploadProperties properties;

	private final Clock clock;

	private volatile Instant lastSweep = Instant.EPOCH;

	UploadStorage(JdbcTemplate jdbc, IngestProperties ingest, UploadProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.uploads = ingest.uploadsDir().toAbsolutePath().normalize();
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public ScheduleProperties.Role role() {
		return ScheduleProperties.Role.MANAGER;
	}

	@Override
	public void join(String nodeId) {
		// nothing of its own: any manager may sweep
	}

	@Override
	public void tick(Duration deadAfter) {
		if (this.clock.instant().isAfter(this.lastSweep.plus(SWEEP_EVERY))) {
			sweep();
		}
	}

	/**
	 * Refuses an upload just kept in {@code folder} when the merchant's uploads, it
	 * included, take more than the quota; the folder is removed then.
	 * @throws UploadQuotaExceededException naming what they take and the quota
	 */
	public void requireRoom(String merchantId, Path folder) {
		long used = size(this.uploads.resolve(merchantId));
		long quota = this.properties.quota().toBytes();
		if (used > quota) {
			delete(folder);
			throw new UploadQuotaExceededException("the merchant's uploads would take " + inWords(used)
					+ " of its quota of " + inWords(quota) + " (p2p.upload.quota); uploads are removed "
					+ this.properties.retention().toDays() + " days after they were made (p2p.upload.retention)");
		}
	}

	/**
	 * Removes the folders of uploads past the retention that nothing still needs, and
	 * records the removal on their imports.
	 * @return the folders removed
	 */
	public int sweep() {
		Instant now = this.clock.instant();
		this.lastSweep = now;
		Timestamp before = Timestamp.from(now.minus(this.properties.retention()));
		Set<Path> kept = new HashSet<>();
		Map<Path, List<Long>> removable = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT i.id, i.file_path,
				       i.created_at >= ? OR i.status NOT IN ('COMPLETED', 'FAILED')
				       OR i.id IN (SELECT DISTINCT ON (l.merchant_id) l.id FROM catalog_import l
				                   WHERE l.scope = 'CATALOG' AND l.status = 'COMPLETED'
				                     AND NOT EXISTS (SELECT 1 FROM generation_run r
				                                     WHERE r.id = l.run_id AND r.kind = 'NIGHTLY')
				                   ORDER BY l.merchant_id, l.id DESC) AS needed
				FROM catalog_import i
				WHERE i.source = 'FILE' AND i.file_path IS NOT NULL AND i.file_removed_at IS NULL""", (rs) -> {
			Path folder = uploadFolder(rs.getString("file_path"));
			if (folder == null) {
				return;
			}
			if (rs.getBoolean("needed")) {
				kept.add(folder);
			}
			else {
				removable.computeIfAbsent(folder, (key) -> new ArrayList<>()).add(rs.getLong("id"));
			}
		}, before);
		// a run not ended (a failed one too, while it may still be resumed) reads its
		// file
		for (String file : this.jdbc.queryForList("""
				SELECT catalog_file FROM generation_run
				WHERE catalog_file IS NOT NULL AND status NOT IN ('COMPLETED', 'CANCELLED')
				  AND (status <> 'FAILED' OR finished_at >= ?)""", String.class, before)) {
			Path folder = uploadFolder(file);
			if (folder != null) {
				kept.add(folder);
			}
		}
		int removed = 0;
		for (Map.Entry<Path, List<Long>> folder : removable.entrySet()) {
			if (kept.contains(folder.getKey())) {
				continue;
			}
			// one manager removes it: the one that marks its imports
			int marked = this.jdbc.update(
					"UPDATE catalog_import SET file_removed_at = now() WHERE id = ANY (?) AND file_removed_at IS NULL",
					(Object) folder.getValue().toArray(Long[]::new));
			if (marked > 0) {
				delete(folder.getKey());
				removed++;
			}
		}
		if (removed > 0) {
			log.info("Removed {} upload folder(s) older than {} (p2p.upload.retention)", removed,
					this.properties.retention());
		}
		return removed;
	}

	/**
	 * The upload's own folder ({@code <uploads>/<merchant>/<upload>}), or null elsewhere.
	 */
	private Path uploadFolder(String file) {
		Path path = Path.of(file).toAbsolutePath().normalize();
		if (!path.startsWith(this.uploads) || path.getNameCount() < this.uploads.getNameCount() + 3) {
			return null;
		}
		return this.uploads.resolve(path.subpath(this.uploads.getNameCount(), this.uploads.getNameCount() + 2));
	}

	private static long size(Path folder) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).mapToLong((path) -> {
				try {
					return Files.size(path);
				}
				catch (IOException ex) {
					// removed meanwhile
					return 0;
				}
			}).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot measure the uploads in " + folder, ex);
		}
	}

	/** The folder and all in it; one that cannot be removed costs disk, nothing else. */
	public void remove(Path folder) {
		delete(folder);
	}

	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			log.warn("Could not remove all of {}: {}", folder, ex.getMessage());
		}
	}

	private static String inWords(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		return (bytes >= DataSize.ofMegabytes(1).toBytes()) ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

}
