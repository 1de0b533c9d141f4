package com.prompt2pixel.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings.
 *
 * @param maxSkippedPercent an import whose skipped rows exceed this share of its rows,
 * and number more than {@code maxSkippedRows}, fails and imports nothing
 * @param maxSkippedRows so many bad rows never fail an import, however small it is (one
 * bad row of five is a mistake to fix, not a broken file)
 * @param reportsDir where each import's error report is written, in a folder named by its
 * id
 * @param uploadsDir where catalog files uploaded over HTTP are kept, in a folder per
 * merchant
 */
@ConfigurationProperties("p2p.ingest")
public record IngestProperties(int maxSkippedPercent, @DefaultValue("5") int maxSkippedRows, Path reportsDir,
		Path uploadsDir, @DefaultValue("20") int maxRemovedPercent, @DefaultValue("5") int maxRemovedProducts) {

	public IngestProperties {
		if (maxSkippedPercent < 0 || maxSkippedPercent > 100) {
			throw new IllegalArgumentException(
					"p2p.ingest.max-skipped-percent must be from 0 to 100, was " + maxSkippedPercent);
		}
		if (maxRemovedPercent < 0 || maxRemovedPercent > 100) {
			throw new IllegalArgumentException(
					"p2p.ingest.max-removed-percent must be from 0 to 100, was " + maxRemovedPercent);
		}
		if (maxSkippedRows < 0) {
			throw new IllegalArgumentException("p2p.ingest.max-skipped-rows must be 0 or more, was " + maxSkippedRows);
		}
	}

	/** The limit as the merge applies it. */
	SkipLimit skipLimit() {
		return new SkipLimit(this.maxSkippedPercent, this.maxSkippedRows);
	}

	/** The limit on removals the merge applies without a confirmation. */
	RemovalLimit removalLimit() {
		return new RemovalLimit(this.maxRemovedPercent, this.maxRemovedProducts);
	}

}
