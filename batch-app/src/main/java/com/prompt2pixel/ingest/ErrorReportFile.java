package com.prompt2pixel.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An import's error report as a download, as CSV ({@code errors.csv}) or Excel
 * ({@code errors.xlsx}): the API's and the web admin's.
 *
 * @param format {@code csv} or {@code xlsx}
 */
public record ErrorReportFile(long importId, Path file, String format) {

	/**
	 * The report of that format; empty when the import has none or the format is other.
	 */
	public static Optional<ErrorReportFile> of(ImportSummary summary, String format) {
		if (summary.errorReport() == null || !(format.equals("csv") || format.equals("xlsx"))) {
			return Optional.empty();
		}
		Path file = Path.of(summary.errorReport()).resolveSibling("errors." + format);
		return Files.isRegularFile(file) ? Optional.of(new ErrorReportFile(summary.id(), file, format))
				: Optional.empty();
	}

	/** The file, named for the import, to be saved rather than shown. */
	public ResponseEntity<Resource> download() {
		MediaType type = this.format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
				: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("import-" + this.importId + "-errors." + this.format)
						.build()
						.toString())
			.body(new FileSystemResource(this.file));
	}

}
