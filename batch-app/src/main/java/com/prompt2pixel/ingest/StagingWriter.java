package com.prompt2pixel.ingest;

import java.util.List;

import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.RowProblem;
import com.prompt2pixel.system.CopyRows;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages a chunk: products into {@code catalog_import_row} and problems into
 * {@code catalog_import_error}, both with COPY (a million-row catalog arrives in a few
 * seconds), and adds the chunk's rows to the import's count, all in the chunk's
 * transaction.
 */
class StagingWriter implements ItemWriter<List<StagedEntry>> {

	private static final String COPY_ROWS = """
			COPY catalog_import_row (import_id, row_number, source_key, alt_key, parent_key, title, description, vendor,
			                         product_type, category, tags, options, variant_count, price, image_urls,
			                         content_hash, size_cm)
			FROM STDIN""";

	private static final String COPY_ERRORS = """
			COPY catalog_import_error (import_id, row_number, column_name, reason, found_by) FROM STDIN""";

	private final JdbcTemplate jdbc;

	private final CatalogImports imports;

	private final long importId;

	StagingWriter(JdbcTemplate jdbc, CatalogImports imports, long importId) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.importId = importId;
	}

	@Override
	public void write(Chunk<? extends List<StagedEntry>> chunk) {
		List<StagedEntry> items = chunk.getItems().stream().flatMap(List::stream).toList();
		CopyRows products = new CopyRows(items.size());
		CopyRows problems = new CopyRows(0);
		boolean anyProduct = false;
		boolean anyProblem = false;
		long rows = 0;
		for (StagedEntry staged : items) {
			rows += staged.rows();
			CatalogProduct product = staged.entry().product();
			if (product != null) {
				anyProduct = true;
				products.value(this.importId)
					.value(product.row())
					.value(product.sourceKey())
					.value(product.altKey())
					.value(product.parentKey())
					.value(product.title())
					.value(product.description())
					.value(product.vendor())
					.value(product.productType())
					.value(product.category())
					.array(product.tags())
					.value(product.options())
					.value(product.variantCount())
					.value(product.price())
					.array(product.imageUrls())
					.value(staged.contentHash())
					.value(product.sizeCm())
					.endRow();
			}
			else {
				anyProblem = true;
				RowProblem problem = staged.entry().problem();
				problems.value(this.importId)
					.value(problem.row())
					.value(problem.column())
					.value(problem.reason())
					.value("READ")
					.endRow();
			}
		}
		if (anyProduct) {
			products.copyInto(this.jdbc, COPY_ROWS);
		}
		if (anyProblem) {
			problems.copyInto(this.jdbc, COPY_ERRORS);
		}
		this.imports.rowsRead(this.importId, rows);
	}

}
