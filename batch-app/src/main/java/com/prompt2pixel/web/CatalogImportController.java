package com.prompt2pixel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.ingest.ImportStatus;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.IngestProperties;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import com.prompt2pixel.merchant.Merchants;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Catalog uploads: a merchant's CSV or .xlsx as a multipart upload is checked, kept and
 * queued for import at once; its status and error report are then read by the import's
 * id.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogImportController {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final CatalogImportService imports;

	private final Path uploads;

	CatalogImportController(CatalogImportService imports, IngestProperties properties) {
		this.imports = imports;
		this.uploads = properties.uploadsDir().toAbsolutePath().normalize();
	}

	/**
	 * Keeps the upload, checks it (readable, a usable header, at least one row) and
	 * queues its import: 202 with the import's id, or 400 naming the problem, in which
	 * case nothing is kept.
	 */
	@PostMapping(path = "/merchants/{merchant}/catalog-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@PathVariable String merchant, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "sheet", required = false) String sheet) {
		Merchants.checkId(merchant);
		if (file.isEmpty()) {
			throw new InvalidImportRequestException("the uploaded file '" + file.getOriginalFilename() + "' is empty");
		}
		Path kept = keep(merchant, file);
		long id;
		try {
			// the upload's folder holds the file alone: a local image reference in it
			// names nothing that may be read
			id = this.imports.queue(new ImportRequest(merchant, kept,
					new CatalogOptions(null, (sheet == null || sheet.isBlank()) ? null : sheet), kept.getParent()));
		}
		catch (InvalidImportRequestException ex) {
			delete(kept);
			// named as the merchant sent it: the server's folders are none of its
			// business
			throw new InvalidImportRequestException(
					ex.getMessage().replace(kept.toString(), "'" + file.getOriginalFilename() + "'"), ex);
		}
		catch (RuntimeException ex) {
			delete(kept);
			throw ex;
		}
		String url = "/api/v1/catalog-imports/" + id;
		return ResponseEntity.accepted()
			.header(HttpHeaders.LOCATION, url)
			.body(Map.of("import", id, "status", ImportStatus.QUEUED.name(), "url", url));
	}

	@GetMapping("/catalog-imports/{id}")
	Map<String, Object> status(@PathVariable long id) {
		return summary(id).toJson();
	}

	/** The error report, as CSV ({@code errors.csv}) or Excel ({@code errors.xlsx}). */
	@GetMapping("/catalog-imports/{id}/errors.{format}")
	ResponseEntity<Resource> errors(@PathVariable long id, @PathVariable String format) {
		ImportSummary summary = summary(id);
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

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	private ImportSummary summary(long id) {
		return this.imports.summary(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no catalog import with id " + id));
	}

	/**
	 * The upload in a folder of its own, made exclusively (a time stamp and a random
	 * suffix: parallel uploads of one name never meet), under the file's name made safe.
	 */
	private Path keep(String merchant, MultipartFile file) {
		String original = (file.getOriginalFilename() != null)
				? Path.of(file.getOriginalFilename()).getFileName().toString() : "catalog";
		String safe = original.replaceAll("[^A-Za-z0-9._-]", "_");
		safe = safe.substring(Math.max(0, safe.length() - 100));
		if (safe.matches("\\.*")) {
			// "..", "." or nothing: a name that would leave the folder or be none
			safe = "catalog" + safe;
		}
		Path merchantFolder = this.uploads.resolve(merchant);
		try (InputStream in = file.getInputStream()) {
			Files.createDirectories(merchantFolder);
			Path folder = Files.createTempDirectory(merchantFolder, LocalDateTime.now().format(STAMP) + "-");
			Path target = folder.resolve(safe.toLowerCase(Locale.ROOT));
			try {
				Files.copy(in, target);
			}
			catch (IOException ex) {
				delete(target);
				throw ex;
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the upload " + original, ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(file.getParent());
		}
		catch (IOException ex) {
			// a refused upload left behind costs disk space, nothing else
		}
	}

}
