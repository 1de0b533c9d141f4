package com.prompt2pixel.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.CatalogUploads;
import com.prompt2pixel.ingest.ErrorReportFile;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import com.prompt2pixel.ingest.UploadQuotaExceededException;
import com.prompt2pixel.system.ServerPaths;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merchants' catalogs for operators and admins: an upload (CSV, XLSX, or a ZIP with its
 * photos) kept and queued as the API's upload is ({@link CatalogUploads}), its import's
 * report on its own page as it runs, the merchant's recent imports, and its products with
 * their photos and latest images.
 */
@Controller
class CatalogPagesController {

	private static final int RECENT_IMPORTS = 10;

	private static final int IMAGES_PER_PRODUCT = 4;

	private final CatalogUploads uploads;

	private final CatalogImportService imports;

	private final ProductSearch products;

	private final LiveUpdates live;

	private final Fragments fragments;

	private final AdminProperties properties;

	CatalogPagesController(CatalogUploads uploads, CatalogImportService imports, ProductSearch products,
			LiveUpdates live, Fragments fragments, AdminProperties properties) {
		this.properties = properties;
		this.uploads = uploads;
		this.imports = imports;
		this.products = products;
		this.live = live;
		this.fragments = fragments;
	}

	@GetMapping("/catalogs")
	String catalogs(@RequestParam(required = false) String merchant, @RequestParam(defaultValue = "") String q,
			Model model) {
		model.addAttribute("merchants", this.products.allMerchants());
		model.addAttribute("merchant", (merchant == null) ? "" : merchant);
		model.addAttribute("q", q);
		if (merchant != null && !merchant.isBlank()) {
			model.addAttribute("recent", this.imports.recent(merchant, RECENT_IMPORTS));
			List<ProductSearch.Product> found = this.products.search(merchant, q);
			model.addAttribute("found", found);
			model.addAttribute("images", this.products
				.latestImages(found.stream().map(ProductSearch.Product::id).toList(), IMAGES_PER_PRODUCT));
		}
		return "admin/catalogs";
	}

	@PostMapping("/catalogs/imports")
	String upload(@RequestParam(defaultValue = "") String merchant,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String sheet, RedirectAttributes redirect) throws IOException {
		redirect.addAttribute("merchant", merchant);
		if (merchant.isBlank()) {
			redirect.addFlashAttribute("uploadProblem", "choose the merchant the catalog is for");
			return "redirect:/catalogs";
		}
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			redirect.addFlashAttribute("uploadProblem", "choose a catalog file (CSV, XLSX, or a ZIP with its photos)");
			return "redirect:/catalogs";
		}
		try (InputStream content = file.getInputStream()) {
			CatalogUploads.Kept kept = this.uploads.keep(merchant, file.getOriginalFilename(), file.getSize(), content);
			long id = this.uploads.queue(merchant, kept, sheet);
			return "redirect:/catalogs/imports/" + id;
		}
		catch (InvalidImportRequestException | UploadQuotaExceededException ex) {
			redirect.addFlashAttribute("uploadProblem", ServerPaths.hide(ex.getMessage()));
			return "redirect:/catalogs";
		}
	}

	@GetMapping("/catalogs/imports/{id}")
	String importPage(@PathVariable long id, Model model) {
		model.addAttribute("report", summary(id));
		model.addAttribute("merchant", this.imports.merchantOf(id).orElse(""));
		return "admin/import";
	}

	/** The import's report as it runs. */
	@GetMapping(path = "/live/imports/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter liveImport(@PathVariable long id) {
		summary(id);
		return this.live.subscribe("report",
				() -> this.fragments.render("admin/import", "report", Map.of("report", summary(id))),
				this.properties.progressInterval());
	}

	/** The import's error report, as CSV or Excel. */
	@GetMapping("/catalogs/imports/{id}/errors.{format:csv|xlsx}")
	ResponseEntity<Resource> errors(@PathVariable long id, @PathVariable String format) {
		return ErrorReportFile.of(summary(id), format)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "import " + id + " has no error report"))
			.download();
	}

	private ImportSummary summary(long id) {
		return this.imports.summary(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no catalog import with id " + id));
	}

}
