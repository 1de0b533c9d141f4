package com.prompt2pixel.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.CatalogUploads;
import com.prompt2pixel.ingest.ErrorReportFile;
import com.prompt2pixel.ingest.ImportStatus;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.security.Tenant;
import com.prompt2pixel.system.ServerPaths;
import com.prompt2pixel.system.Sha256;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	private final CatalogImportService imports;

	private final CatalogUploads uploads;

	private final IdempotentRequests idempotency;

	CatalogImportController(CatalogImportService imports, CatalogUploads uploads, IdempotentRequests idempotency) {
		this.imports = imports;
		this.uploads = uploads;
		this.idempotency = idempotency;
	}

	/**
	 * Keeps the upload, checks it (readable, a usable header, at least one row) and
	 * queues its import: 202 with the import's id, or 400 naming the problem, in which
	 * case nothing is kept.
	 */
	@PostMapping(path = "/catalog-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> upload(Tenant tenant, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "sheet", required = false) String sheet,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey)
			throws IOException {
		String merchant = tenant.merchant();
		CatalogUploads.Kept kept;
		try (InputStream content = file.getInputStream()) {
			kept = this.uploads.keep(merchant, file.getOriginalFilename(), file.getSize(), content);
		}
		String request = Sha256
			.of((kept.sha256() + "\n" + sheet + "\n" + file.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/catalog-imports", request, () -> {
			long id = this.uploads.queue(merchant, kept, sheet);
			String url = "/api/v1/catalog-imports/" + id;
			return ResponseEntity.accepted().header(HttpHeaders.LOCATION, url).body(accepted(id, url));
		}, () -> this.uploads.discard(kept));
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
		return ErrorReportFile.of(summary, format)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"import " + id + " has no error report as errors." + format))
			.download();
	}

	/** The tenant's import: another merchant's is missing, just as one that is not. */
	private ImportSummary summary(Tenant tenant, long id) {
		return this.imports.summary(id)
			.filter((found) -> tenant.owns(this.imports.merchantOf(id)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no catalog import with id " + id));
	}

}
