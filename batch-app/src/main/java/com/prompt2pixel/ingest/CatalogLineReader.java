package com.prompt2pixel.ingest;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CsvCatalogReader;
import com.prompt2pixel.connectors.catalog.InvalidCatalogRowException;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the catalog's lines. Its restart state is the number of lines read, kept by the
 * base class under the name {@code catalogLineReader}.
 */
class CatalogLineReader extends AbstractItemCountingItemStreamItemReader<CatalogLine> {

	private final Path file;

	private CsvCatalogReader reader;

	CatalogLineReader(Path file) {
		this.file = file;
		setName("catalogLineReader");
	}

	@Override
	protected void doOpen() {
		this.reader = CsvCatalogReader.open(this.file);
	}

	@Override
	protected CatalogLine doRead() {
		if (!this.reader.hasNext()) {
			return null;
		}
		try {
			return CatalogLine.valid(this.reader.next());
		}
		catch (InvalidCatalogRowException ex) {
			return CatalogLine.invalid(ex);
		}
	}

	@Override
	protected void doClose() {
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

}
