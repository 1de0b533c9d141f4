package com.prompt2pixel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import com.prompt2pixel.connectors.catalog.CatalogArchive;
import com.prompt2pixel.connectors.catalog.CatalogFormatException;
import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.system.ServerPaths;
import com.prompt2pixel.system.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Catalog files sent over HTTP (the API's upload and the web admin's): each is kept in a
 * folder of its own under the merchant's uploads (a ZIP is unpacked there, within its
 * limits, and its catalog is the one inside), held to the merchant's quota, checked and
 * queued for import. What cannot be imported is refused with the problem named as the
 * sender named the file, and nothing of it is kept.
 */
@Component
public class CatalogUploads {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	/**
	 * How much more an archive's entry of over a megabyte may inflate than it takes:
	 * catalogs compress about tenfold, photos hardly at all, zip bombs a thousandfold.
	 */
	private static final int MAX_ZIP_RATIO = 100;

	private final CatalogImportService imports;

	private final Path uploads;

	private final CatalogArchive.Limits archiveLimits;

	private final UploadStorage storage;

	CatalogUploads(CatalogImportService imports, IngestProperties properties, UploadStorage storage,
			@Value("${p2p.upload.max-entries}") int maxEntries,
			@Value("${p2p.upload.max-unpacked-size}") DataSize maxUnpacked) {
		this.imports = imports;
		this.storage = storage;
		this.uploads = properties.uploadsDir().toAbsolutePath().normalize();
		this.archiveLimits = new CatalogArchive.Limits(maxEntries, maxUnpacked.toBytes(), MAX_ZIP_RATIO);
	}

	/**
	 * An upload as kept: its catalog, the folder its photos must lie in, the upload's own
	 * folder, the SHA-256 of what was sent, and the name it was sent under.
	 */
	public record Kept(Path catalog, Path photoRoot, Path folder, String sha256, String sentAs) {
	}

	/**
	 * Keeps the upload within the merchant's quota.
	 * @throws InvalidImportRequestException when it is empty or a ZIP that cannot be
	 * unpacked within its limits (nothing is kept)
	 * @throws UploadQuotaExceededException when the merchant's uploads would exceed their
	 * quota (nothing is kept)
	 */
	public Kept keep(String merchant, String sentAs, long size, InputStream content) {
		if (size == 0) {
			throw new InvalidImportRequestException("the uploaded file '" + sentAs + "' is empty");
		}
		Kept kept = store(merchant, sentAs, content);
		this.storage.requireRoom(merchant, kept.folder());
		return kept;
	}

	/**
	 * Checks the kept upload (readable, a usable header, at least one row) and queues its
	 * import.
	 * @param sheet the workbook's sheet to read; null: its first
	 * @return the import's id
	 * @throws InvalidImportRequestException naming the problem, as the sender named the
	 * file and without the server's folders (the upload is then no longer kept)
	 */
	public long queue(String merchant, Kept kept, String sheet) {
		try {
			// the upload's folder holds the file alone, or the archive's contents: a
			// local image reference in it names nothing else that may be read
			return this.imports.queue(new ImportRequest(merchant, kept.catalog(),
					new CatalogOptions(null, (sheet == null || sheet.isBlank()) ? null : sheet), kept.photoRoot()));
		}
		catch (InvalidImportRequestException ex) {
			discard(kept);
			throw new InvalidImportRequestException(
					ServerPaths.hide(ex.getMessage().replace(kept.catalog().toString(), "'" + kept.sentAs() + "'")),
					ex);
		}
		catch (RuntimeException ex) {
			discard(kept);
			throw ex;
		}
	}

	/** The upload's folder and all in it. */
	public void discard(Kept kept) {
		this.storage.remove(kept.folder());
	}

	/**
	 * The upload in a folder of its own, made exclusively (a time stamp and a random
	 * suffix: parallel uploads of one name never meet), under the file's name made safe.
	 * A ZIP archive is unpacked there instead, and its catalog is the one inside.
	 */
	private Kept store(String merchant, String sentAs, InputStream content) {
		String original = (sentAs != null && !sentAs.isBlank()) ? Path.of(sentAs).getFileName().toString() : "catalog";
		String safe = original.replaceAll("[^A-Za-z0-9._-]", "_");
		safe = safe.substring(Math.max(0, safe.length() - 100));
		if (safe.matches("\\.*")) {
			// "..", "." or nothing: a name that would leave the folder or be none
			safe = "catalog" + safe;
		}
		Path merchantFolder = this.uploads.resolve(merchant);
		Path folder;
		try {
			Files.createDirectories(merchantFolder);
			folder = Files.createTempDirectory(merchantFolder, LocalDateTime.now().format(STAMP) + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the upload " + original, ex);
		}
		Path target = folder.resolve(safe.toLowerCase(Locale.ROOT));
		MessageDigest digest = Sha256.digest();
		try (InputStream in = new DigestInputStream(content, digest)) {
			Files.copy(in, target);
			String sha256 = HexFormat.of().formatHex(digest.digest());
			if (!CatalogArchive.isArchive(target)) {
				return new Kept(target, folder, folder, sha256, sentAs);
			}
			Path contents = folder.resolve("archive");
			Path catalog = CatalogArchive.unpack(target, "'" + original + "'", contents, this.archiveLimits);
			Files.delete(target);
			return new Kept(catalog, contents.toRealPath(), folder, sha256, sentAs);
		}
		catch (CatalogFormatException ex) {
			this.storage.remove(folder);
			throw new InvalidImportRequestException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			this.storage.remove(folder);
			throw new UncheckedIOException("cannot keep the upload " + original, ex);
		}
	}

}
