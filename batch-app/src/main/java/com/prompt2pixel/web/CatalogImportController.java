package com.prompt2pixel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.prompt2pixel.connectors.catalog.CatalogArchive;
import com.prompt2pixel.connectors.catalog.CatalogFormatException;
import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.ingest.ImportStatus;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.IngestProperties;
import com.prompt2pixel.ingest.UploadStorage;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.system.Sha256;
import com.prompt2pixel.system.ServerPaths;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Catalog uploads: a merchant's CSV or .xlsx (or a ZIP holding one with its photos) as a
 * multipart upload is checked, kept and queued for import at once, for the merchant of
 * the request's API key; its status and error report are then read by the import's id.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogImportController {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	/**
	 * How much more an archive's entry of over a megabyte may inflate than it takes:
	 * catalogs compress about tenfold, photos hardly at all, zip bombs a thousandfold.
	 */
	private static final int MAX_ZIP_RATIO = 100;

	private final CatalogImportService imports;

	private final Path uploads;

	private final CatalogArchive.Limits archiveLimits;

	private final IdempotentRequests idempotency;

	private final UploadStorage storage;

	CatalogImportController(CatalogImportService imports, IngestProperties properties, IdempotentRequests idempotency,
			UploadStorage storage, @Value("${p2p.upload.max-entries}") int maxEntries,
			@Value("${p2p.upload.max-unpacked-size}") DataSize maxUnpacked) {
		this.imports = imports;
		this.storage = storage;
		this.idempotency = idempotency;
		this.uploads = properties.uploadsDir().toAbsolutePath().normalize();
		this.archiveLimits = new CatalogArchive.Limits(maxEntries, maxUnpacked.toBytes(), MAX_ZIP_RATIO);
	}

	/**
	 * An upload as kept: its catalog, the folder its photos must lie in, and the upload's
	 * own folder.
	 */
	private record Kept(Path catalog, Path photoRoot, Path folder, String sha256) {
	}

	/**
	 * Keeps the upload, checks it (readable, a usable header, at least one row) and
	 * queues its import: 202 with the import's id, or 400 naming the problem, in which
	 * case nothing is kept.
	 */
	@PostMapping(path = "/catalog-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> upload(Tenant tenant, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "sheet", required = false) String sheet,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		String merchant = tenant.merchant();
		if (file.isEmpty()) {
			throw new InvalidImportRequestException("the uploaded file '" + file.getOriginalFilename() + "' is empty");
		}
		Kept kept = keep(merchant, file);
		this.storage.requireRoom(merchant, kept.folder());
		String request = Sha256
			.of((kept.sha256() + "\n" + sheet + "\n" + file.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/catalog-imports", request,
				() -> queue(merchant, kept, file.getOriginalFilename(), sheet), () -> delete(kept.folder()));
	}

	/** Queues the kept upload's import: 202, or 400 naming the problem (nothing kept). */
	private ResponseEntity<?> queue(String merchant, Kept kept, String sentAs, String sheet) {
		long id;
		try {
			// the upload's folder holds the file alone, or the archive's contents: a
			// local image reference in it names nothing else that may be read
			id = this.imports.queue(new ImportRequest(merchant, kept.catalog(),
					new CatalogOptions(null, (sheet == null || sheet.isBlank()) ? null : sheet), kept.photoRoot()));
		}
		catch (InvalidImportRequestException ex) {
			delete(kept.folder());
			// named as the merchant sent it: the server's folders are none of its
			// business
			throw new InvalidImportRequestException(
					ServerPaths.hide(ex.getMessage().replace(kept.catalog().toString(), "'" + sentAs + "'")), ex);
		}
		catch (RuntimeException ex) {
			delete(kept.folder());
			throw ex;
		}
		String url = "/api/v1/catalog-imports/" + id;
		return ResponseEntity.accepted().header(HttpHeaders.LOCATION, url).body(accepted(id, url));
	}

	private static Map<String, Object> accepted(long id, String url) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("import", id);
		json.put("status", ImportStatus.QUEUED.name());
		json.put("url", url);
		return json;
	}

	@GetMapping("/catalog-imports/{id}")
	Map<String, Object> status(Tenant tenant, @PathVariable long id) {
		Map<String, Object> json = summary(tenant, id).toJson();
		// links and words, not the server's paths
		json.computeIfPresent("error_report", (field, report) -> "/api/v1/catalog-imports/" + id + "/errors.csv");
		json.computeIfPresent("message", (field, message) -> ServerPaths.hide((String) message));
		return json;
	}

	/** The error report, as CSV ({@code errors.csv}) or Excel ({@code errors.xlsx}). */
	@GetMapping("/catalog-imports/{id}/errors.{format}")
	ResponseEntity<Resource> errors(Tenant tenant, @PathVariable long id, @PathVariable String format) {
		ImportSummary summary = summary(tenant, id);
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "reports are errors.csv and errors.xlsx");
		}
		if (summary.errorReport() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "import " + id + " has no error report");
		}
		Path report = Path.of(summary.errorReport()).resolveSibling("errors." + format);
		if (!Files.isRegularFile(report)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "import " + id + " has no " + report.getFileName());
		}
		MediaType type = format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
				: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("import-" + id + "-errors." + format).build().toString())
			.body(new FileSystemResource(report));
	}

	/** The tenant's import: another merchant's is missing, just as one that is not. */
	private ImportSummary summary(Tenant tenant, long id) {
		return this.imports.summary(id)
			.filter((found) -> tenant.owns(this.imports.merchantOf(id)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no catalog import with id " + id));
	}

	/**
	 * The upload in a folder of its own, made exclusively (a time stamp and a random
	 * suffix: parallel uploads of one name never meet), under the file's name made safe.
	 * A ZIP archive is unpacked there instead, and its catalog is the one inside.
	 */
	private Kept keep(String merchant, MultipartFile file) {
		String original = (file.getOriginalFilename() != null)
				? Path.of(file.getOriginalFilename()).getFileName().toString() : "catalog";
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
		try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
			Files.copy(in, target);
			String sha256 = HexFormat.of().formatHex(digest.digest());
			if (!CatalogArchive.isArchive(target)) {
				return new Kept(target, folder, folder, sha256);
			}
			Path contents = folder.resolve("archive");
			Path catalog = CatalogArchive.unpack(target, "'" + original + "'", contents, this.archiveLimits);
			Files.delete(target);
			return new Kept(catalog, contents.toRealPath(), folder, sha256);
		}
		catch (CatalogFormatException ex) {
			delete(folder);
			throw new InvalidImportRequestException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			delete(folder);
			throw new UncheckedIOException("cannot keep the upload " + original, ex);
		}
	}

	/** The upload's folder and all in it. */
	private void delete(Path folder) {
		this.storage.remove(folder);
	}

}
