package com.prompt2pixel.ingest;

import java.util.List;

import com.prompt2pixel.connectors.catalog.CatalogReader;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the import's products and row problems, {@link #BATCH} to an item: a catalog of
 * a million rows is then a few hundred items, and the step's cost per item does not
 * weigh. A {@link ReadAhead} parses while the step writes. The restart state is the
 * number of items read, kept by the base class; a restart reads the file again up to
 * there. The batch size is fixed, so that count means the same rows after a restart.
 */
class CatalogEntryReader extends AbstractItemCountingItemStreamItemReader<List<StagedEntry>> {

	static final int BATCH = 1000;

	private final CatalogImport catalogImport;

	private final CatalogImports imports;

	private ReadAhead readAhead;

	CatalogEntryReader(CatalogImport catalogImport, CatalogImports imports) {
		this.catalogImport = catalogImport;
		this.imports = imports;
		setName("catalogEntryReader");
	}

	@Override
	protected void doOpen() {
		CatalogReader reader = CatalogReader.open(this.catalogImport.file(), this.catalogImport.options());
		this.imports.started(this.catalogImport.id(), reader.format(), reader.imageColumn());
		this.readAhead = new ReadAhead(reader, BATCH);
	}

	@Override
	protected List<StagedEntry> doRead() {
		return this.readAhead.next();
	}

	@Override
	protected void doClose() {
		if (this.readAhead != null) {
			this.readAhead.close();
			this.readAhead = null;
		}
	}

}
