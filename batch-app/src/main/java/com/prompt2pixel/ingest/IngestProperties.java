package com.prompt2pixel.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest settings.
 *
 * @param maxSkippedPercent an import whose skipped rows exceed this share of its rows
 * fails and imports nothing
 * @param chunkSize products staged per transaction
 * @param reportsDir where each import's error report is written, in a folder named by its
 * id
 */
@ConfigurationProperties("p2p.ingest")
public record IngestProperties(int maxSkippedPercent, int chunkSize, Path reportsDir) {

	public IngestProperties {
		if (maxSkippedPercent < 0 || maxSkippedPercent > 100) {
			throw new IllegalArgumentException(
					"p2p.ingest.max-skipped-percent must be from 0 to 100, was " + maxSkippedPercent);
		}
		if (chunkSize < 1) {
			throw new IllegalArgumentException("p2p.ingest.chunk-size must be at least 1, was " + chunkSize);
		}
	}

}
