package com.prompt2pixel.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest settings.
 *
 * @param maxSkippedPercent an import whose skipped rows exceed this share of its rows
 * fails and imports nothing
 * @param reportsDir where each import's error report is written, in a folder named by its
 * id
 * @param uploadsDir where catalog files uploaded over HTTP are kept, in a folder per
 * merchant
 */
@ConfigurationProperties("p2p.ingest")
public record IngestProperties(int maxSkippedPercent, Path reportsDir, Path uploadsDir) {

	public IngestProperties {
		if (maxSkippedPercent < 0 || maxSkippedPercent > 100) {
			throw new IllegalArgumentException(
					"p2p.ingest.max-skipped-percent must be from 0 to 100, was " + maxSkippedPercent);
		}
	}

}
