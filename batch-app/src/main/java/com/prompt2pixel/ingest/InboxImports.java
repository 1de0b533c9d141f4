package com.prompt2pixel.ingest;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogOptions;

import org.springframework.stereotype.Component;

/**
 * What an inbox does with a catalog file dropped into it, wherever the inbox is (a
 * folder, an SFTP server): the import, and what is to lie beside the file once it has
 * moved to {@code done/} or {@code failed/}.
 */
@Component
class InboxImports {

	private final CatalogImportService imports;

	InboxImports(CatalogImportService imports) {
		this.imports = imports;
	}

	/**
	 * @param completed whether the import completed (the file goes to {@code done/})
	 * @param errorReport the import's report of the rows it skipped
	 * ({@code <file>.errors.csv}); null when there is none
	 * @param failure why it did not complete ({@code <file>.error.txt}); null when it did
	 */
	record Outcome(boolean completed, Path errorReport, String failure) {
	}

	/**
	 * Imports the merchant's file; photos it names may lie in {@code photoRoot}, nothing
	 * outside it.
	 */
	Outcome importFile(String merchant, Path file, Path photoRoot) {
		ImportSummary summary;
		try {
			summary = this.imports.start(new ImportRequest(merchant, file, CatalogOptions.DETECT, photoRoot));
		}
		catch (InvalidImportRequestException ex) {
			return new Outcome(false, null, ex.getMessage());
		}
		boolean completed = ImportStatus.COMPLETED.is(summary.status());
		return new Outcome(completed, (summary.errorReport() != null) ? Path.of(summary.errorReport()) : null,
				completed ? null : "import " + summary.id() + " failed: " + summary.message());
	}

}
