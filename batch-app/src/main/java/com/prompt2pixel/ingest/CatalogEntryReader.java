package com.prompt2pixel.ingest;

import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogReader;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the import's products and row problems. Its restart state is the number of
 * entries read, kept by the base class; a restart reads the file again up to there.
 */
class CatalogEntryReader extends AbstractItemCountingItemStreamItemReader<StagedEntry> {

	private final CatalogImport catalogImport;

	private final CatalogImports imports;

	private CatalogReader reader;

	private long rowsBefore;

	CatalogEntryReader(CatalogImport catalogImport, CatalogImports imports) {
		this.catalogImport = catalogImport;
		this.imports = imports;
		setName("catalogEntryReader");
	}

	@Override
	protected void doOpen() {
		this.reader = CatalogReader.open(this.catalogImport.file(), this.catalogImport.options());
		this.rowsBefore = 0;
		this.imports.started(this.catalogImport.id(), this.reader.format());
	}

	@Override
	protected StagedEntry doRead() {
		CatalogEntry entry = this.reader.next();
		if (entry == null) {
			return null;
		}
		long rows = this.reader.rowsRead();
		StagedEntry staged = new StagedEntry(entry, rows - this.rowsBefore);
		this.rowsBefore = rows;
		return staged;
	}

	@Override
	protected void doClose() {
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

}
